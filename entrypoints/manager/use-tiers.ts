import { useEffect, useState } from 'preact/hooks';
import { knowTierLabels } from '../../components/tier';
import { type Tier, TiersSchema } from '../../lib/domain/tiers';
import { onTiersChange, storedTiers } from '../../lib/settings/tiers';

/**
 * The tiers as stored, kept current when they change in any page; the built-in ones until the first read. The
 * second value takes a list just stored, so the page need not wait for storage to echo it back.
 */
export function useTiers(): [Tier[], (tiers: Tier[]) => void] {
  const [tiers, setTiers] = useState<Tier[]>(() => TiersSchema.parse([]));
  const take = (next: Tier[]) => {
    knowTierLabels(next);
    setTiers(next);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, then told of every change
  useEffect(() => {
    let alive = true;
    const update = (next: Tier[]) => alive && take(next);
    storedTiers().then(update);
    const stop = onTiersChange(update);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return [tiers, take];
}
