// The stylesheet of the small error pages (error-page.ts), inline so a page
// answered before any route renders needs no other request. Its hash is in the
// Content-Security-Policy (security-headers.ts), which allows no other inline
// style. No imports: next.config.ts reads it through security-headers.ts.
export const ERROR_PAGE_CSS = `
body{margin:0;font:1.0625rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fdfcf9}
header,main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
header{border-bottom:1px solid #d8d3c8}
header a{font:900 2rem/1 Georgia,serif;color:inherit;text-decoration:none}
h1{font:700 2rem/1.2 Georgia,serif;margin:0 0 1rem}
.label{font-size:.75rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#a3261b;margin:0 0 .5rem}
a{color:#1f4e8c}
@media (prefers-color-scheme:dark){body{color:#ece8e1;background:#15140f}header{border-color:#3a372f}a{color:#8fb4e8}}
`;
