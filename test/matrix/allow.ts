import type { MatrixEntry } from './types.ts';

export type Allow = MatrixEntry['allow'];

/** Who may call a route, the sets the matrix files share (test/matrix/types.ts explains the callers). */
export const everyone: Allow = {
  admin: true,
  office: true,
  leader: true,
  agencyOwn: true,
  agencyOther: true,
  public: true,
};
export const signedIn: Allow = { ...everyone, public: false };
/** the Office, the leaders and admins, and the agency on its own data */
export const overseersAndOwnAgency: Allow = { ...signedIn, agencyOther: false };
/** the Office, the leaders and admins */
export const overseers: Allow = { ...overseersAndOwnAgency, agencyOwn: false };
export const officeAndAdmin: Allow = { ...overseers, leader: false };
/** the Office and admins, and the agency on its own data */
export const officeAdminAndOwnAgency: Allow = { ...officeAndAdmin, agencyOwn: true };
export const adminOnly: Allow = { ...officeAndAdmin, office: false };
/** the whole route is refused to every caller (a wrong password, a forged sign-in) */
export const nobody: Allow = { ...adminOnly, admin: false };
