import { avatarTone, initials } from './initials';

type CommentAvatarProps = {
  name: string;
};

// AVATAR_TONES (twelve) hues 30° apart, all as dark as white initials need (4.5:1 or more).
// Classes, not a style attribute: the Content-Security-Policy allows no inline style.
const TONES = [
  'bg-[hsl(0_45%_30%)]',
  'bg-[hsl(30_45%_30%)]',
  'bg-[hsl(60_45%_30%)]',
  'bg-[hsl(90_45%_30%)]',
  'bg-[hsl(120_45%_30%)]',
  'bg-[hsl(150_45%_30%)]',
  'bg-[hsl(180_45%_30%)]',
  'bg-[hsl(210_45%_30%)]',
  'bg-[hsl(240_45%_30%)]',
  'bg-[hsl(270_45%_30%)]',
  'bg-[hsl(300_45%_30%)]',
  'bg-[hsl(330_45%_30%)]',
] as const;

// Drawn from the name alone: no image request to a third party, nothing from the email address.
export function CommentAvatar({ name }: CommentAvatarProps) {
  return (
    <span
      aria-hidden="true"
      dir="auto"
      data-avatar=""
      className={`flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-bold text-white select-none ${TONES[avatarTone(name)]}`}
    >
      {initials(name)}
    </span>
  );
}
