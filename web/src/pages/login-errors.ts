/**
 * Why a sign-in through the identity provider was refused: the server sends the browser back to
 * /dang-nhap?loi=CODE (src/modules/auth/oidc.routes.ts) with a stable code; the words are here.
 */
export function signInErrorText(code: string, t: (vi: string, en: string) => string): string {
  switch (code) {
    case 'OIDC_USER_UNKNOWN':
      return t(
        'Tài khoản trên hệ thống định danh chưa gắn với tài khoản dondoc nào. Hãy đề nghị quản trị hệ thống tạo tài khoản (cùng tên đăng nhập hoặc thư điện tử).',
        'Your identity-provider account is not linked to a dondoc account. Ask the administrator to create one (same user name or e-mail).',
      );
    case 'OIDC_USER_DISABLED':
      return t('Tài khoản dondoc của bạn đã bị khóa.', 'Your dondoc account is disabled.');
    case 'OIDC_SUBJECT_MISMATCH':
      return t(
        'Tài khoản dondoc này đã gắn với một danh tính khác trên hệ thống định danh. Hãy liên hệ quản trị hệ thống.',
        'This dondoc account is linked to another identity at the identity provider. Contact the administrator.',
      );
    case 'OIDC_ROLE_MISSING':
      return t(
        'Hệ thống định danh chưa cấp vai trò dondoc cho tài khoản của bạn.',
        'The identity provider has not given your account a dondoc role.',
      );
    case 'OIDC_AGENCY_UNKNOWN':
      return t(
        'Không xác định được cơ quan của tài khoản (mã cơ quan trên hệ thống định danh không có trong danh mục).',
        'Your agency could not be determined (the identity provider’s agency code is not in the directory).',
      );
    case 'OIDC_STATE_INVALID':
      return t(
        'Phiên đăng nhập một lần đã hết hạn hoặc không khớp với trình duyệt này. Hãy đăng nhập lại.',
        'The single sign-on attempt expired or did not start in this browser. Please sign in again.',
      );
    case 'OIDC_FAILED':
      return t(
        'Không hoàn tất được đăng nhập qua hệ thống định danh của tỉnh. Hãy thử lại, hoặc báo quản trị hệ thống.',
        'Signing in through the identity provider did not complete. Try again, or tell the administrator.',
      );
    case 'OIDC_NOT_CONFIGURED':
      return t(
        'Đăng nhập một lần chưa được cấu hình trên máy chủ này.',
        'Single sign-on is not configured on this server.',
      );
    default: {
      const shown = /^[A-Z_]{1,40}$/.test(code) ? ` (${code})` : '';
      return t(`Không đăng nhập được${shown}.`, `Could not sign in${shown}.`);
    }
  }
}
