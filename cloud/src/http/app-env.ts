/** Hono context variables: set by the auth middleware, read by the routes. */
export interface AppEnv {
  Variables: { orgId: string };
}
