'use client';

import { useState, type MouseEvent } from 'react';

type CopyLinkProps = { url: string; label: string; copied: string; className?: string };

/**
 * The article's address as a link (without JavaScript a reader copies it from
 * the browser's menu); with JavaScript a click copies it and says so.
 */
export function CopyLink({ url, label, copied, className }: CopyLinkProps) {
  const [done, setDone] = useState(false);

  async function copy(event: MouseEvent<HTMLAnchorElement>) {
    if (!navigator.clipboard) return;
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(url);
      setDone(true);
    } catch {
      // Refused (no permission): the address stays in the link for the browser's own copy command.
      setDone(false);
    }
  }

  return (
    <>
      <a href={url} onClick={copy} className={className}>
        {label}
      </a>
      <span role="status" className="ms-2 text-muted">
        {done ? copied : ''}
      </span>
    </>
  );
}
