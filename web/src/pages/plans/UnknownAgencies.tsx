import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Agency, AgencyKind } from '../../../../src/shared/schemas/directory.ts';
import type { UnknownAgency } from '../../../../src/shared/schemas/import.ts';
import { ApiError, api } from '../../lib/api.ts';
import { agencyCodeRule, requiredText } from '../../lib/form-rules.ts';
import { matchesSearch } from '../../lib/format.ts';
import { useLang } from '../../lib/i18n.tsx';
import { fetchAll, KIND_LABELS } from '../directory/agencies.ts';
import type { ReviewDirectory } from './review-model.ts';

/**
 * Tên cơ quan chưa có trong danh mục: for each name the plan uses and the directory lacks, in one
 * step, "Là tên khác của …" (an alias of an agency, the matcher's suggestions first) or "Thêm cơ quan
 * mới" (name, code and level prefilled). `onResolved` then has the plan read again.
 */
export function UnknownAgencies({
  unknown,
  directory,
  busy,
  onResolved,
}: {
  unknown: UnknownAgency[];
  directory: ReviewDirectory | null;
  busy: boolean;
  onResolved: (name: string, directoryName: string) => void;
}) {
  const { t } = useLang();
  if (unknown.length === 0) return null;
  return (
    <Card
      title={
        <Space>
          {t('Tên cơ quan chưa có trong danh mục', 'Names not in the directory')}
          <Tag color="error">{unknown.length}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          'Chọn cơ quan mà tên này chỉ đến (lưu thành tên khác của cơ quan đó), hoặc thêm cơ quan mới vào danh mục. Kế hoạch được đọc lại ngay, các chỉnh sửa khác được giữ nguyên.',
          'Choose the agency this name means (stored as its alias), or add a new agency. The plan is read again at once; your other corrections are kept.',
        )}
      </Typography.Paragraph>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {unknown.map((u) => (
          <UnknownAgencyRow
            key={u.name}
            unknown={u}
            agencies={directory?.agencies ?? []}
            busy={busy}
            onResolved={onResolved}
          />
        ))}
      </Space>
    </Card>
  );
}

function UnknownAgencyRow({
  unknown,
  agencies,
  busy,
  onResolved,
}: {
  unknown: UnknownAgency;
  agencies: Agency[];
  busy: boolean;
  onResolved: (name: string, directoryName: string) => void;
}) {
  const { t, lang } = useLang();
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState(false);
  const options = useMemo(() => {
    const suggested = unknown.suggestions
      .map((name) => agencies.find((a) => a.name === name))
      .filter((a): a is Agency => a !== undefined);
    const option = (a: Agency) => ({ value: a.id, label: a.name });
    return [
      ...(suggested.length > 0
        ? [{ label: t('Gợi ý', 'Suggested'), title: 'suggested', options: suggested.map(option) }]
        : []),
      {
        label: t('Cơ quan trong danh mục', 'Agencies of the directory'),
        title: 'agencies',
        options: agencies.filter((a) => !suggested.includes(a)).map(option),
      },
    ];
  }, [agencies, unknown.suggestions, t]);

  const fail = (error: unknown) =>
    message.error(error instanceof ApiError ? `${error.message} (${error.code})` : String(error));

  const saveAlias = async () => {
    if (target === undefined) return;
    setSaving(true);
    try {
      // the agency as it is now: another clerk may have edited it since the list was loaded
      const agency = (await fetchAll<Agency>('/directory/agencies')).find((a) => a.id === target);
      if (!agency)
        throw new ApiError(
          404,
          'AGENCY_NOT_FOUND',
          t('Cơ quan không còn trong danh mục.', 'The agency is gone.'),
        );
      if (!agency.aliases.includes(unknown.name)) {
        await api.patch(`/directory/agencies/${agency.id}`, {
          aliases: [...agency.aliases, unknown.name],
          version: agency.version,
        });
      }
      message.success(
        t(
          `Đã lưu "${unknown.name}" là tên khác của ${agency.name}. Đang đọc lại kế hoạch…`,
          `"${unknown.name}" is now an alias of ${agency.name}. Reading the plan again…`,
        ),
      );
      onResolved(unknown.name, agency.name);
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  };

  const kindLabel = (k: AgencyKind) => (lang === 'en' ? KIND_LABELS[k].en : KIND_LABELS[k].vi);
  return (
    <Row gutter={[12, 8]} align="middle" className="dd-unknown-agency" data-name={unknown.name}>
      <Col xs={24} lg={8}>
        <Typography.Text strong>{unknown.name}</Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('Nhiệm vụ ', 'Tasks ')}
            {unknown.tasks.join(', ')}
          </Typography.Text>{' '}
          {unknown.lead && <Tag color="warning">{t('chủ trì', 'lead')}</Tag>}
        </div>
      </Col>
      <Col xs={24} lg={11}>
        <Space.Compact style={{ width: '100%' }}>
          <Select<number>
            style={{ width: '100%' }}
            value={target}
            onChange={setTarget}
            options={options}
            placeholder={t('Là tên khác của…', 'An alias of…')}
            aria-label={t(
              `Là tên khác của cơ quan nào: ${unknown.name}`,
              `Alias of which agency: ${unknown.name}`,
            )}
            showSearch={{
              filterOption: (input, option) =>
                matchesSearch(String((option as { label?: string } | undefined)?.label ?? ''), input),
            }}
          />
          <Button
            type="primary"
            disabled={target === undefined || busy}
            loading={saving}
            onClick={() => void saveAlias()}
          >
            {t('Lưu là tên khác', 'Save as alias')}
          </Button>
        </Space.Compact>
      </Col>
      <Col xs={24} lg={5}>
        <Button icon={<PlusOutlined />} disabled={busy} onClick={() => setAdding(true)} block>
          {t('Thêm cơ quan mới', 'Add a new agency')}
        </Button>
      </Col>
      {adding && (
        <NewAgencyDialog
          unknown={unknown}
          kindLabel={kindLabel}
          onClose={() => setAdding(false)}
          onAdded={(name) => {
            setAdding(false);
            onResolved(unknown.name, name);
          }}
          onError={fail}
        />
      )}
    </Row>
  );
}

interface NewAgencyValues {
  name: string;
  code: string;
  kind: AgencyKind;
}

/** Thêm cơ quan mới: the name as written, a free code and the likely level, all editable. */
function NewAgencyDialog({
  unknown,
  kindLabel,
  onClose,
  onAdded,
  onError,
}: {
  unknown: UnknownAgency;
  kindLabel: (k: AgencyKind) => string;
  onClose: () => void;
  onAdded: (name: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewAgencyValues>();
  const [saving, setSaving] = useState(false);
  const add = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const name = values.name.trim();
      const created = await api.post<Agency>('/directory/agencies', {
        code: values.code.trim(),
        name,
        kind: values.kind,
        // the plan's spelling stays a way to find it when the clerk tidied the name
        aliases: name === unknown.name ? [] : [unknown.name],
      });
      message.success(
        t(
          `Đã thêm ${created.name} (${created.code}) vào danh mục. Đang đọc lại kế hoạch…`,
          `${created.name} (${created.code}) added. Reading the plan again…`,
        ),
      );
      onAdded(created.name);
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('Thêm cơ quan mới vào danh mục', 'Add a new agency')}
      okText={t('Thêm vào danh mục', 'Add')}
      cancelText={t('Hủy', 'Cancel')}
      confirmLoading={saving}
      onOk={() => void add().catch(() => {})}
      onCancel={onClose}
    >
      <Form<NewAgencyValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: unknown.name, code: unknown.code, kind: unknown.kind }}
      >
        <Form.Item
          name="name"
          label={t('Tên cơ quan', 'Name')}
          rules={[requiredText(t('Nhập tên cơ quan.', 'Type the name.'))]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('Mã', 'Code')} rules={[agencyCodeRule(t)]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('Cấp', 'Level')}>
          <Select
            options={(Object.keys(KIND_LABELS) as AgencyKind[]).map((k) => ({
              value: k,
              label: kindLabel(k),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
