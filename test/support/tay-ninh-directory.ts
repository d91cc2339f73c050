import type { AgencyKind, Directory } from '../../src/domain/directory.ts';
import directoryJson from '../../src/modules/demo/seed/tay-ninh-2021-directory.json' with { type: 'json' };

/** The demo's Tây Ninh 2021 directory (agencies and groups of the seed file) as the domain rules read it. */
export const TAY_NINH_DIRECTORY: Directory = {
  agencies: directoryJson.agencies.map((a) => ({
    code: a.code,
    name: a.name,
    aliases: a.aliases,
    kind: a.kind as AgencyKind,
  })),
  groups: directoryJson.groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members })),
  place: 'Tây Ninh',
};
