import { Alert, Card, Col, DatePicker, Form, type FormInstance, Input, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ImportPreview } from '../../../../src/shared/schemas/import.ts';
import { requiredText } from '../../lib/form-rules.ts';
import { DATE_INPUT_FORMATS } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';

export interface HeaderValues {
  number: string;
  docType: string;
  issuedOn: dayjs.Dayjs | null;
  place: string;
  title: string;
  signer: string;
}

/** The document's header as read, editable; a missing title is asked for here, never a dead end. */
export function ReviewHeader({
  form,
  fileName,
  preview,
}: {
  form: FormInstance<HeaderValues>;
  fileName: string;
  preview: ImportPreview;
}) {
  const t = useT();
  return (
    <Card
      title={t('Thông tin văn bản', 'The document')}
      extra={<Typography.Text type="secondary">{fileName}</Typography.Text>}
    >
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          number: preview.plan.number ?? '',
          docType: preview.plan.docType,
          issuedOn: preview.plan.issuedOn ? dayjs(preview.plan.issuedOn) : null,
          place: preview.plan.place ?? '',
          title: preview.plan.title ?? '',
          signer: preview.plan.signer ?? '',
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="number"
              label={t('Số, ký hiệu', 'Number')}
              rules={[requiredText(t('Thiếu số, ký hiệu văn bản.', 'The number is missing.'))]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="issuedOn"
              label={t('Ngày ban hành', 'Issued on')}
              rules={[{ required: true, message: t('Thiếu ngày ban hành.', 'The issue date is missing.') }]}
            >
              <DatePicker format={DATE_INPUT_FORMATS} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label={t('Địa danh', 'Place')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signer" label={t('Người ký', 'Signed by')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            {!preview.plan.title && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={t(
                  'Không đọc được trích yếu của văn bản: hãy nhập vào ô "Trích yếu" trước khi lưu.',
                  'The title could not be read: type it in "Title" before storing.',
                )}
              />
            )}
            <Form.Item
              name="title"
              label={t('Trích yếu', 'Title')}
              rules={[requiredText(t('Thiếu trích yếu: hãy nhập tên văn bản.', 'The title is missing.'))]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('Ví dụ: Kế hoạch cải cách hành chính năm 2025', 'e.g. the plan’s title')}
              />
            </Form.Item>
          </Col>
          <Form.Item name="docType" hidden>
            <Input />
          </Form.Item>
        </Row>
      </Form>
      {preview.plan.bases.length > 0 && (
        <>
          <Typography.Text strong>{t('Căn cứ', 'Legal bases')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {preview.plan.bases.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
