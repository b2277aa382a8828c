import { SetMetadata } from '@nestjs/common';
import type { KeyRole } from '@custody/domain';

export const REQUIRED_ROLE = 'custody:required-role';

/**
 * The least role a route needs. Without it: GET needs `viewer`, anything else `owner` — a new write route
 * is owner-only until someone decides otherwise.
 */
export const RequireRole = (role: KeyRole) => SetMetadata(REQUIRED_ROLE, role);
