declare namespace App {
  interface Locals {
    /** Set by site/middleware.ts on console pages once the session is checked. */
    coordinator?: import('#worker/platform/auth/session.ts').CoordinatorSession;
  }
}
