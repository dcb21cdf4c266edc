declare namespace App {
  interface Locals {
    /** Set by site/middleware.ts on console pages once the session is checked. */
    coordinator?: import('#worker/platform/auth/session.ts').CoordinatorSession;
    /** This request's form check (site/lib/csrf.ts); set on every on-demand page (not on prerendered ones). */
    csrf: import('#site/lib/csrf.ts').Csrf;
    /** The volunteer behind the private link's cookie, looked up once when a page asks. */
    volunteer: import('#site/lib/csrf.ts').VolunteerLookup;
  }
}
