import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Lazy<P> = FunctionComponent<P> & {
  /** Fetches the code now (once), so that the first time it is shown does not wait. */
  preload(): Promise<unknown>;
};

/**
 * A component whose code (and the libraries only it needs) is fetched the first time it is shown, or when
 * `preload` asks: the page's first paint does not wait for it. Until then it shows nothing; a chunk that will not
 * load says why in its place.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return pending;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per view at module level (as React.lazy is), never while rendering
  function Shown(props: P) {
    const [failed, setFailed] = useState('');
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded)
        preload().then(
          () => setReady(true),
          (e: unknown) => setFailed(String(e)),
        );
    }, []);
    if (failed) return <p role="alert">{failed}</p>;
    const Component = loaded;
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Shown, { preload });
}
