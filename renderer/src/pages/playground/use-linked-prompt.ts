import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { linkParamsOf } from './link-params';

/**
 * Opens the prompt a link names (`#/playground?prompt=<name>&version=<version>`, as the Prompts
 * page writes it), on load and whenever the link changes while the page is open.
 */
export function useLinkedPrompt(select: (name: string, version: string | undefined) => void) {
  const [location] = useLocation();
  const search = useSearch();
  const link = linkParamsOf(location, search);
  const prompt = link?.prompt;
  const version = link?.version;

  useEffect(() => {
    if (prompt !== undefined) select(prompt, version);
  }, [prompt, version, select]);
}
