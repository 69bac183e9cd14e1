// Kept on the page but moved above the viewport until focused: unlike `sr-only`,
// this keeps its padding and size when it slides in.
export function SkipLink() {
  return (
    <a
      href="#main"
      className="fixed start-2 print:hidden top-2 z-50 -translate-y-[calc(100%+1rem)] bg-ink px-4 py-2 font-semibold text-paper focus:translate-y-0 focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
