import 'server-only';

// Publishing without a rebuild: what changed between two reads of the
// content, which pages show it, the call that regenerates them, and the clock
// that publishes scheduled articles as they come due.

export { pagesShowingChanges } from '@/lib/publishing/changes';
export type { ContentChanges } from '@/lib/publishing/changes';
export {
  processToken,
  publicationClockWanted,
  publishContent,
  publishHere,
  SOURCE_HEADER,
  startPublicationClock,
} from '@/lib/publishing/clock';
export type { Publication } from '@/lib/publishing/clock';
export { isRevalidatablePath } from '@/lib/publishing/paths';
export { orphanedCommentWarnings, withdrawnCommentWarnings } from '@/lib/publishing/withdrawn';
