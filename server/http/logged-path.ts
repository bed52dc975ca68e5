// Client secrets are bearer credentials (cl_ links, cs_ sessions): they never reach a log.
const SECRET_SEGMENT = /\/c[ls]_[A-Za-z0-9_-]+/g;

/** The path as logged: no query (it carries customers' emails and names), secrets masked. */
export const loggedPath = (url: string) => {
  const q = url.indexOf('?');
  return (q === -1 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, '/:secret');
};
