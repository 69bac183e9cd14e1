// The picture behind an article's social preview, drawn by next/og: only flex
// layout and inline styles. Words arrive already in display order; a
// right-to-left card lays its rows out from the right edge.

type SocialCardProps = {
  headline: string[];
  section: string[];
  siteName: string[];
  dir: 'ltr' | 'rtl';
  headlineSize: number;
  fontFamily: string;
};

const INK = '#1a1a1a';
const ACCENT = '#a3261b';
const PAPER = '#fdfcf9';
const RULE = '#d8d3c8';

function Words({ words, dir, size, gap }: { words: string[]; dir: 'ltr' | 'rtl'; size: number; gap: number }) {
  return (
    <div
      style={{
        display: 'flex',
        width: '100%',
        flexDirection: dir === 'rtl' ? 'row-reverse' : 'row',
        flexWrap: 'wrap',
        columnGap: gap,
        fontSize: size,
      }}
    >
      {words.map((word, index) => (
        <span key={index}>{word}</span>
      ))}
    </div>
  );
}

export function SocialCard({ headline, section, siteName, dir, headlineSize, fontFamily }: SocialCardProps) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '56px 72px',
        background: PAPER,
        color: INK,
        fontFamily,
        borderTop: `16px solid ${ACCENT}`,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 28 }}>
        {section.length > 0 ? (
          <div style={{ display: 'flex', color: ACCENT, fontWeight: 700, letterSpacing: 2 }}>
            <Words words={section.map((word) => word.toUpperCase())} dir={dir} size={30} gap={10} />
          </div>
        ) : null}
        <div style={{ display: 'flex', fontWeight: 700, lineHeight: 1.25 }}>
          <Words words={headline} dir={dir} size={headlineSize} gap={Math.round(headlineSize * 0.28)} />
        </div>
      </div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          borderTop: `2px solid ${RULE}`,
          paddingTop: 24,
          fontWeight: 700,
        }}
      >
        <Words words={siteName} dir="ltr" size={40} gap={12} />
      </div>
    </div>
  );
}
