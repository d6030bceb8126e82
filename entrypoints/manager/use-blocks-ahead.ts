import { useEffect, useState } from 'preact/hooks';
import { type Blocks, buildBlocksInSteps } from '../../lib/dedup/candidates';
import type { Customer } from '../../lib/domain/customer';

/** How long the page rests after the book changed before it files the book again: the table paints first. */
const REST_MS = 500;

/**
 * The 去重 blocks of the book as the page holds it, built ahead a slice at a time between frames once the book has
 * loaded (and again after it changes), so that the scan the clerk asks for only compares (see scanBlocks). Null while
 * they are being built for this very book.
 */
export function useBlocksAhead(book: readonly Customer[], loading: boolean): Blocks | null {
  const [built, setBuilt] = useState<{ book: readonly Customer[]; blocks: Blocks } | null>(null);
  useEffect(() => {
    if (loading || book.length === 0) return;
    const steps = buildBlocksInSteps(book);
    let timer = 0;
    const next = () => {
      const step = steps.next();
      if (step.done) setBuilt({ book, blocks: step.value });
      else timer = window.setTimeout(next, 0);
    };
    timer = window.setTimeout(next, REST_MS);
    return () => clearTimeout(timer);
  }, [book, loading]);
  return built?.book === book ? built.blocks : null;
}
