import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Row, Space, Typography } from 'antd';
import {
  issuerForForm,
  issuerLevel,
  LETTER_FORM_PRESETS,
  type LetterForm,
} from '../../../../src/shared/letter-forms.ts';
import type { LetterSettingsView, StoredLetterSettings } from '../../../../src/shared/schemas/followup.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { api } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import {
  IssuerCard,
  LetterBodyCard,
  LetterFormCard,
  type LetterFormValues,
  RecipientsCard,
  SignerCard,
} from './LetterSettingsFields.tsx';
import { IssueList, SaveFailureAlert, useVersionedSave } from './versioned-save.tsx';

const KEY = ['letter-settings'] as const;

/** Cấu hình công văn đôn đốc: GET /api/settings/letters, saved with PUT and the version read. */
export function LetterSettingsTab() {
  const query = useQuery({ queryKey: KEY, queryFn: () => api.get<LetterSettingsView>('/settings/letters') });
  return (
    <QueryState query={query} rows={10}>
      {(view) => <LetterSettingsForm key={view.version} view={view} onReload={() => void query.refetch()} />}
    </QueryState>
  );
}

/** The form's values: the settings the next letter uses, every field filled. */
function initialValues(view: LetterSettingsView): LetterFormValues {
  // what the authority has set, as dondoc writes it (when set outside dondoc and invalid, `effective` is null)
  const s = view.settings as StoredLetterSettings;
  const e = view.effective;
  return {
    form: e?.form ?? s.form ?? 'office',
    division: e?.division ?? s.division ?? 'KSTT',
    combined: e?.combined ?? s.combined ?? true,
    officeAgency: e?.officeAgency ?? s.officeAgency ?? 'VP',
    officeRemindersCount: e?.officeRemindersCount ?? s.officeRemindersCount ?? true,
    issuer: { parent: '', name: '', place: '', ...(e?.issuer ?? s.issuer) },
    symbol: e?.symbol ?? s.symbol ?? '',
    signer: { authority: '', title: '', name: '', ...(e?.signer ?? s.signer) },
    reportSigner: { authority: '', title: '', name: '', ...(e?.reportSigner ?? s.reportSigner) },
    recipients: e?.recipients ?? s.recipients ?? [],
    consequence: e?.consequence ?? s.consequence ?? '',
    reportWithinDays: e?.reportWithinDays ?? s.reportWithinDays ?? 7,
  };
}

function LetterSettingsForm({ view, onReload }: { view: LetterSettingsView; onReload: () => void }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = can('reminder.issue');
  const [form] = Form.useForm<LetterFormValues>();
  const values = Form.useWatch((v: LetterFormValues) => v, form) ?? initialValues(view);
  // docs/domain-rules.md §6.1: choosing a form fills the issuer, the symbol, the signer and Nơi nhận
  const chooseForm = (next: LetterForm) => {
    const preset = LETTER_FORM_PRESETS[next];
    const current = form.getFieldsValue(true) as LetterFormValues;
    form.setFieldsValue({
      issuer: issuerForForm(issuerLevel(current.issuer), current.issuer.place, next),
      symbol: `${preset.symbolPrefix}-${current.division || 'KSTT'}`,
      signer: { ...preset.signer, name: current.signer.name },
      recipients: preset.recipients,
    });
  };
  const { save, failure } = useVersionedSave(
    (v: LetterFormValues) =>
      api.put<LetterSettingsView>('/settings/letters', {
        ...v,
        recipients: (v.recipients ?? []).map((r) => r.trim()).filter((r) => r !== ''),
        version: view.version,
      }),
    (saved) => {
      message.success(t('Đã lưu cấu hình công văn đôn đốc.', 'Letter settings saved.'));
      queryClient.setQueryData(KEY, saved);
    },
  );

  const issues = (failure?.details as { issues?: string[] } | undefined)?.issues;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {view.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t(
                'Cấu hình đang lưu không dùng được: công văn tiếp theo sẽ không ban hành được cho tới khi lưu lại.',
                'The stored settings cannot be used: the next letter cannot be issued until they are saved again.',
              )}
              description={<IssueList issues={view.problems} />}
            />
          )}
          {!editable && (
            <Alert
              type="info"
              showIcon
              title={t(
                'Chỉ Văn phòng và quản trị viên sửa được cấu hình này.',
                'Only the Office and administrators can change these settings.',
              )}
            />
          )}
          {failure && (
            <SaveFailureAlert
              failure={failure}
              conflictTitle={t(
                'Không lưu được: có người vừa sửa cấu hình công văn.',
                'Not saved: someone else has just changed the letter settings.',
              )}
              errorTitle={t('Không lưu được cấu hình công văn.', 'The letter settings were not saved.')}
              issues={issues}
              onReload={onReload}
            />
          )}
          <Form<LetterFormValues>
            form={form}
            layout="vertical"
            initialValues={initialValues(view)}
            disabled={!editable}
            onFinish={(v) => save.mutate(v)}
            requiredMark="optional"
          >
            <LetterFormCard onChooseForm={chooseForm} />
            <IssuerCard />

            <SignerCard
              field="signer"
              title={t('Người ký', 'Signer')}
              multiline
              authorityExample={t(
                'Ví dụ: KT. CHÁNH VĂN PHÒNG; TM. ỦY BAN NHÂN DÂN (mỗi dòng một cấp)',
                'e.g. KT. CHÁNH VĂN PHÒNG; TM. ỦY BAN NHÂN DÂN (one line each)',
              )}
              titleExample="PHÓ CHÁNH VĂN PHÒNG"
            />
            {/* docs/domain-rules.md §8: the report to the Chairman is signed for the Office */}
            <SignerCard
              field="reportSigner"
              title={t('Người ký báo cáo gửi Chủ tịch', 'Signer of the report to the Chairman')}
              authorityExample={t(
                'Ví dụ: KT. CHÁNH VĂN PHÒNG; để trống khi Chánh Văn phòng ký',
                'e.g. KT. CHÁNH VĂN PHÒNG; empty when the head of the Office signs',
              )}
              titleExample="CHÁNH VĂN PHÒNG"
              labels={[
                t('Thẩm quyền ký báo cáo', 'Report signing authority'),
                t('Chức vụ người ký báo cáo', 'Report signer’s title'),
                t('Người ký báo cáo: họ và tên', 'Report signer: name'),
              ]}
            />

            <RecipientsCard editable={editable} />
            <LetterBodyCard />

            {editable && (
              <Space wrap>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
                  {t('Lưu cấu hình', 'Save settings')}
                </Button>
                <Button htmlType="button" onClick={() => form.resetFields()} disabled={save.isPending}>
                  {t('Hoàn tác thay đổi', 'Undo changes')}
                </Button>
                <Typography.Text type="secondary">
                  {view.version > 0
                    ? t(`Phiên bản ${view.version}`, `Version ${view.version}`)
                    : t('Đang dùng cấu hình mặc định', 'Using the defaults')}
                </Typography.Text>
              </Space>
            )}
          </Form>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <LetterPreview values={values} />
      </Col>
    </Row>
  );
}
