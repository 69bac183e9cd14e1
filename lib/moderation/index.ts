import 'server-only';

// Moderators: the password check, signed session cookies and the request
// checks of the moderation page.

export * from '@/lib/moderation/sessions';
