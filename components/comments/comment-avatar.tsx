import { avatarHue, initials } from './initials';

type CommentAvatarProps = {
  name: string;
};

// Drawn from the name alone: no image request to a third party, nothing from the email address.
export function CommentAvatar({ name }: CommentAvatarProps) {
  return (
    <span
      aria-hidden="true"
      dir="auto"
      data-avatar=""
      className="flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-bold text-white select-none"
      style={{ backgroundColor: `hsl(${avatarHue(name)} 45% 30%)` }}
    >
      {initials(name)}
    </span>
  );
}
