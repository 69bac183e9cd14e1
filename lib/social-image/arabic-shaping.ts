import 'server-only';

// Arabic-script letters change shape with their neighbours. The image renderer
// behind next/og (satori) measures text one character at a time, so it sizes a
// word by its unjoined letters while drawing it joined, and then places words
// in the wrong order. Writing each letter as its Unicode presentation form, the
// shape it takes in context, gives the renderer nothing left to shape: it
// measures what it draws. The forms cover Dari, Persian, Arabic and Urdu;
// letters without one (several of Pashto's) are left as they are, unjoined.

/** Isolated, final, initial and medial forms; right-joining letters have only the first two. */
const FORMS: Record<number, readonly number[]> = {
  0x0621: [0xfe80],
  0x0622: [0xfe81, 0xfe82],
  0x0623: [0xfe83, 0xfe84],
  0x0624: [0xfe85, 0xfe86],
  0x0625: [0xfe87, 0xfe88],
  0x0626: [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c],
  0x0627: [0xfe8d, 0xfe8e],
  0x0628: [0xfe8f, 0xfe90, 0xfe91, 0xfe92],
  0x0629: [0xfe93, 0xfe94],
  0x062a: [0xfe95, 0xfe96, 0xfe97, 0xfe98],
  0x062b: [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c],
  0x062c: [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0],
  0x062d: [0xfea1, 0xfea2, 0xfea3, 0xfea4],
  0x062e: [0xfea5, 0xfea6, 0xfea7, 0xfea8],
  0x062f: [0xfea9, 0xfeaa],
  0x0630: [0xfeab, 0xfeac],
  0x0631: [0xfead, 0xfeae],
  0x0632: [0xfeaf, 0xfeb0],
  0x0633: [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4],
  0x0634: [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8],
  0x0635: [0xfeb9, 0xfeba, 0xfebb, 0xfebc],
  0x0636: [0xfebd, 0xfebe, 0xfebf, 0xfec0],
  0x0637: [0xfec1, 0xfec2, 0xfec3, 0xfec4],
  0x0638: [0xfec5, 0xfec6, 0xfec7, 0xfec8],
  0x0639: [0xfec9, 0xfeca, 0xfecb, 0xfecc],
  0x063a: [0xfecd, 0xfece, 0xfecf, 0xfed0],
  0x0641: [0xfed1, 0xfed2, 0xfed3, 0xfed4],
  0x0642: [0xfed5, 0xfed6, 0xfed7, 0xfed8],
  0x0643: [0xfed9, 0xfeda, 0xfedb, 0xfedc],
  0x0644: [0xfedd, 0xfede, 0xfedf, 0xfee0],
  0x0645: [0xfee1, 0xfee2, 0xfee3, 0xfee4],
  0x0646: [0xfee5, 0xfee6, 0xfee7, 0xfee8],
  0x0647: [0xfee9, 0xfeea, 0xfeeb, 0xfeec],
  0x0648: [0xfeed, 0xfeee],
  0x0649: [0xfeef, 0xfef0, 0xfbe8, 0xfbe9],
  0x064a: [0xfef1, 0xfef2, 0xfef3, 0xfef4],
  0x0671: [0xfb50, 0xfb51],
  0x0679: [0xfb66, 0xfb67, 0xfb68, 0xfb69],
  0x067e: [0xfb56, 0xfb57, 0xfb58, 0xfb59],
  0x0686: [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d],
  0x0688: [0xfb88, 0xfb89],
  0x0691: [0xfb8c, 0xfb8d],
  0x0698: [0xfb8a, 0xfb8b],
  0x06a9: [0xfb8e, 0xfb8f, 0xfb90, 0xfb91],
  0x06af: [0xfb92, 0xfb93, 0xfb94, 0xfb95],
  0x06ba: [0xfb9e, 0xfb9f],
  0x06be: [0xfbaa, 0xfbab, 0xfbac, 0xfbad],
  0x06c0: [0xfba4, 0xfba5],
  0x06c1: [0xfba6, 0xfba7, 0xfba8, 0xfba9],
  0x06cc: [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff],
  0x06d0: [0xfbe4, 0xfbe5, 0xfbe6, 0xfbe7],
  0x06d2: [0xfbae, 0xfbaf],
  0x06d3: [0xfbb0, 0xfbb1],
};

/** Lam followed by an alef: one ligature, isolated or final. */
const LAM = 0x0644;
const LAM_ALEF: Record<number, readonly [number, number]> = {
  0x0622: [0xfef5, 0xfef6],
  0x0623: [0xfef7, 0xfef8],
  0x0625: [0xfef9, 0xfefa],
  0x0627: [0xfefb, 0xfefc],
};

const TATWEEL = 0x0640;
const ZWJ = 0x200d;
const ZWNJ = 0x200c;

/** Vowel marks and other combining signs: they do not break a join, and are not drawn (the renderer cannot place them). */
export function isArabicMark(code: number): boolean {
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed);
}

function isDual(code: number): boolean {
  return (FORMS[code]?.length ?? 0) === 4;
}

/** Whether the letter before may join the letter after it. */
function joinsForward(code: number | undefined): boolean {
  return code !== undefined && (isDual(code) || code === TATWEEL || code === ZWJ);
}

/** Whether the letter after may join the letter before it. */
function joinsBackward(code: number | undefined): boolean {
  return code !== undefined && ((FORMS[code]?.length ?? 0) >= 2 || code === TATWEEL || code === ZWJ);
}

/**
 * `text` (in reading order) with every Arabic-script letter that has one
 * replaced by its contextual presentation form; vowel marks, ZWNJ and ZWJ
 * are consumed.
 */
export function shapeArabic(text: string): string {
  const codes = [...text].map((char) => char.codePointAt(0) ?? 0).filter((code) => !isArabicMark(code));
  const out: number[] = [];
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] ?? 0;
    if (code === ZWNJ || code === ZWJ) continue;
    const forms = FORMS[code];
    if (!forms) {
      out.push(code);
      continue;
    }
    const previous = codes[index - 1];
    const next = codes[index + 1];
    const joinedBefore = forms.length >= 2 && joinsForward(previous);
    const ligature = code === LAM && next !== undefined ? LAM_ALEF[next] : undefined;
    if (ligature) {
      out.push(joinedBefore ? ligature[1] : ligature[0]);
      index += 1;
      continue;
    }
    const joinedAfter = forms.length === 4 && joinsBackward(next);
    const form = joinedBefore ? (joinedAfter ? forms[3] : forms[1]) : joinedAfter ? forms[2] : forms[0];
    out.push(form ?? code);
  }
  return String.fromCodePoint(...out);
}
