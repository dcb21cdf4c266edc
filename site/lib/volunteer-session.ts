import { volunteerAccess, volunteerFormToken, volunteerToken, type VolunteerAccess } from '#worker/platform/auth/volunteer-access.ts';
import type { Db } from '#worker/platform/db/client.ts';

export interface VolunteerSession {
  access: VolunteerAccess;
  formToken: string;
}

/** The volunteer signed in on this browser (their private link's cookie), with their form token. */
export async function volunteerSession(db: Db, request: Request): Promise<VolunteerSession | null> {
  const token = volunteerToken(request);
  const access = await volunteerAccess(db, token);
  return access && token ? { access, formToken: await volunteerFormToken(token) } : null;
}
