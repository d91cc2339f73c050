import { expect, it } from 'vitest';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { sessionCookie, signInThroughProvider, withTestProvider } from './support/oidc-flow.ts';
import { useOwnWorld } from './support/world.ts';

/**
 * Which dondoc account a person at the identity provider gets, through the real flow
 * (test/support/oidc-flow.ts): bound `sub`, user name, verified e-mail; never a disabled account,
 * nobody's without one, nor one bound to someone else; role and agency from claims when configured.
 * Every refusal audited.
 */
const provider = withTestProvider();

describeOnFastestDatabase('sign-in with the identity provider (OpenID Connect): accounts', (t) => {
  const open = useOwnWorld(t);

  it('refuses a person without a dondoc account, a disabled account and an account bound to someone else', async () => {
    const { app } = await open({ http: { oidc: provider.options() } });
    const stranger = await signInThroughProvider(app, 'nguoi.la');
    expect(stranger.headers.location).toBe('/dang-nhap?loi=OIDC_USER_UNKNOWN');
    expect(sessionCookie(stranger)).toBeUndefined();

    await t.db.updateTable('app_user').set({ disabled: true }).where('username', '=', 'snv').execute();
    const disabled = await signInThroughProvider(app, 'snv');
    expect(disabled.headers.location).toBe('/dang-nhap?loi=OIDC_USER_DISABLED');
    expect(sessionCookie(disabled)).toBeUndefined();

    expect(sessionCookie(await signInThroughProvider(app, 'stp'))).toBeDefined();
    // another person at the provider now calls themselves "stp": the account stays with the first
    const impostor = await signInThroughProvider(app, 'mao.danh');
    expect(impostor.headers.location).toBe('/dang-nhap?loi=OIDC_SUBJECT_MISMATCH');

    const refusals = await auditColumns(t.db, { action: 'auth.oidc_refused' }, [
      'authority_id',
      'actor',
      'data',
    ]);
    expect(
      refusals.map((r) => [r.actor, (r.data as { code: string }).code, r.authority_id === null]),
    ).toEqual([
      ['oidc:nguoi.la', 'OIDC_USER_UNKNOWN', true],
      ['snv', 'OIDC_USER_DISABLED', false],
      ['stp', 'OIDC_SUBJECT_MISMATCH', false],
    ]);
    expect(refusals[2]?.data).toMatchObject({ sub: 'mao.danh' });
  });

  it('finds an account by its verified e-mail when the user name does not match', async () => {
    const { app } = await open({ http: { oidc: provider.options() } });
    await t.db
      .updateTable('app_user')
      .set({ email: 'daumoi.skhdt@tayninh.gov.vn' })
      .where('username', '=', 'skhdt')
      .execute();
    const unverified = await signInThroughProvider(app, 'chua.xac.minh');
    expect(unverified.headers.location).toBe('/dang-nhap?loi=OIDC_USER_UNKNOWN');
    const reply = await signInThroughProvider(app, 'nguyen.van.a', '/tong-quan');
    expect(reply.headers.location).toBe('/tong-quan');
    const me = await app.inject({
      url: '/api/auth/session',
      cookies: { dondoc_session: sessionCookie(reply)?.value ?? '' },
    });
    expect(me.json().user.username).toBe('skhdt');
    // bound now: the next sign-in finds the account by `sub`, whatever the e-mail becomes
    await t.db.updateTable('app_user').set({ email: null }).where('username', '=', 'skhdt').execute();
    expect(sessionCookie(await signInThroughProvider(app, 'nguyen.van.a'))).toBeDefined();
  });

  it('takes role and agency from the claims when configured, audited, and refuses without a dondoc role', async () => {
    const { app, agency: agencyId } = await open({
      http: {
        oidc: provider.options({
          scopes: 'openid profile email dondoc',
          claims: {
            username: 'preferred_username',
            email: 'email',
            role: 'resource_access.dondoc.roles',
            agency: 'dondoc_agency',
          },
        }),
      },
    });
    const leader = await signInThroughProvider(app, 'lanh.dao');
    const me = await app.inject({
      url: '/api/auth/session',
      cookies: { dondoc_session: sessionCookie(leader)?.value ?? '' },
    });
    expect(me.json().user).toMatchObject({ username: 'lanhdao', role: 'office', agencyId: null });

    const agency = await signInThroughProvider(app, 'tu.phap');
    const stp = await app.inject({
      url: '/api/auth/session',
      cookies: { dondoc_session: sessionCookie(agency)?.value ?? '' },
    });
    expect(stp.json().user).toMatchObject({
      username: 'stp',
      role: 'agency',
      agencyId: agencyId('SNV'),
    });

    const noRole = await signInThroughProvider(app, 'van.phong');
    expect(noRole.headers.location).toBe('/dang-nhap?loi=OIDC_ROLE_MISSING');

    const changes = await auditColumns(t.db, { action: 'user.update' }, ['actor', 'before', 'after']);
    expect(changes).toEqual([
      {
        actor: 'oidc',
        before: { role: 'leader', agencyId: null },
        after: { role: 'office', agencyId: null },
      },
      {
        actor: 'oidc',
        before: { role: 'agency', agencyId: agencyId('STP') },
        after: { role: 'agency', agencyId: agencyId('SNV') },
      },
    ]);
  });
});
