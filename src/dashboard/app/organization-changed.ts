import type { Organization } from '../../shared/schemas/organization.ts';

/** Fired by a page that changed the organization (settings, preview origins); the shell keeps the new one. */
export class OrganizationChangedEvent extends Event {
  constructor(readonly organization: Organization) {
    super('organization-changed', { bubbles: true });
  }
}
