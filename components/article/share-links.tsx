import { CopyLink } from '@/components/article/copy-link';
import { fillTemplate, type Messages } from '@/lib/i18n';

type ShareLinksProps = {
  /** The article's canonical address. */
  url: string;
  title: string;
  messages: Messages;
  /** The labels' language inside an article in another one. */
  lang?: string;
};

/** Each network's own share page for `url`, with the headline where the network takes one. */
export function shareTargets(url: string, title: string): { network: string; href: string }[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { network: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { network: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'WhatsApp', href: `https://wa.me/?text=${both}` },
    { network: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
}

/**
 * Plain links to each network's own share page, so no third-party script
 * runs here and each works without JavaScript. The copy link is the address
 * itself; with JavaScript it copies it.
 */
export function ShareLinks({ url, title, messages, lang }: ShareLinksProps) {
  const words = messages.article.share;
  const link = 'inline-block rounded border border-rule px-3 py-1 font-semibold text-link hover:border-ink hover:text-ink';
  return (
    <div lang={lang} className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm print:hidden">
      <p id="share-heading" className="font-semibold text-muted">
        {words.heading}
      </p>
      <ul aria-labelledby="share-heading" className="flex flex-wrap gap-2">
        {shareTargets(url, title).map(({ network, href }) => (
          <li key={network}>
            <a href={href} rel="noopener noreferrer" target="_blank" aria-label={fillTemplate(words.on, { network })} className={link}>
              <span dir="ltr">{network}</span>
            </a>
          </li>
        ))}
        <li>
          <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`} className={link}>
            {words.email}
          </a>
        </li>
        <li>
          <CopyLink url={url} label={words.copy} copied={words.copied} className={link} />
        </li>
      </ul>
    </div>
  );
}
