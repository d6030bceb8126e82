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
    // The code as this view has it: asked for after the first render, whether or not a preload has brought it since.
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState('');
    useEffect(() => {
      if (!Component)
        preload().then(
          (component) => setComponent(() => component),
          (e: unknown) => setFailed(String(e)),
        );
    }, [Component]);
    if (failed) return <p role="alert">{failed}</p>;
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Shown, { preload });
}
