/**
 * Các chỉ số — the indices the Đề án (QĐ 1364/QĐ-UBND, section II of plan 87/KH-UBND) aims to raise,
 * as data: one entry per method version, valid for a range of years (docs/domain-rules.md §9). A method change
 * is a new entry (PAPI: six dimensions until 2017, eight from 2018; PAR Index: QĐ 2636/QĐ-BNV areas
 * until 2021, QĐ 876/QĐ-BNV areas from 2022; ICT Index succeeded by DTI in 2020), so earlier years
 * keep the components they were scored on. Synced into index_definition / index_component by
 * `ensureIndexDefinitions` (indices.repo.ts): edit here, never in the database.
 */
export type IndexUnit = 'points' | 'percent' | 'ratio';
export type ComponentKind = 'sub_index' | 'dimension' | 'area' | 'pillar' | 'factor';

export interface ComponentDefinition {
  /** stable code, kept across method versions when the component is the same */
  code: string;
  nameVi: string;
  nameEn: string;
  max: number;
}

export interface IndexDefinition {
  code: 'PCI' | 'PAPI' | 'PAR' | 'ICT' | 'DTI' | 'SIPAS';
  validFrom: number;
  /** last year scored with this method; null = still current */
  validTo: number | null;
  nameVi: string;
  nameEn: string;
  shortName: string;
  publisher: string;
  scaleMax: number;
  unit: IndexUnit;
  higherIsBetter: boolean;
  componentKind: ComponentKind;
  /** the publisher's group labels, best first ([] when it publishes none) */
  groups: readonly string[];
  /** the index that replaced this one (ICT Index → DTI) */
  successorCode: string | null;
  methodNote: string;
  sourceNote: string;
  components: ComponentDefinition[];
}

const PCI_COMPONENTS: ComponentDefinition[] = [
  { code: 'market_entry', nameVi: 'Gia nhập thị trường', nameEn: 'Entry costs', max: 10 },
  { code: 'land_access', nameVi: 'Tiếp cận đất đai', nameEn: 'Land access and security of tenure', max: 10 },
  { code: 'transparency', nameVi: 'Tính minh bạch', nameEn: 'Transparency', max: 10 },
  { code: 'time_costs', nameVi: 'Chi phí thời gian', nameEn: 'Time costs', max: 10 },
  { code: 'informal_charges', nameVi: 'Chi phí không chính thức', nameEn: 'Informal charges', max: 10 },
  {
    code: 'equal_competition',
    nameVi: 'Cạnh tranh bình đẳng',
    nameEn: 'Policy bias (equal competition)',
    max: 10,
  },
  { code: 'proactivity', nameVi: 'Tính năng động', nameEn: 'Proactivity of provincial leadership', max: 10 },
  { code: 'business_support', nameVi: 'Hỗ trợ doanh nghiệp', nameEn: 'Business support services', max: 10 },
  { code: 'labour_training', nameVi: 'Đào tạo lao động', nameEn: 'Labour training', max: 10 },
  { code: 'legal_institutions', nameVi: 'Thiết chế pháp lý', nameEn: 'Legal institutions', max: 10 },
];

const PAPI_CORE: ComponentDefinition[] = [
  {
    code: 'participation',
    nameVi: 'Tham gia của người dân ở cấp cơ sở',
    nameEn: 'Participation at local levels',
    max: 10,
  },
  {
    code: 'transparency',
    nameVi: 'Công khai, minh bạch',
    nameEn: 'Transparency in local decision-making',
    max: 10,
  },
  {
    code: 'accountability',
    nameVi: 'Trách nhiệm giải trình với người dân',
    nameEn: 'Vertical accountability towards citizens',
    max: 10,
  },
  {
    code: 'corruption_control',
    nameVi: 'Kiểm soát tham nhũng trong khu vực công',
    nameEn: 'Control of corruption in the public sector',
    max: 10,
  },
  {
    code: 'admin_procedures',
    nameVi: 'Thủ tục hành chính công',
    nameEn: 'Public administrative procedures',
    max: 10,
  },
  { code: 'service_delivery', nameVi: 'Cung ứng dịch vụ công', nameEn: 'Public service delivery', max: 10 },
];

const PAPI_2018: ComponentDefinition[] = [
  ...PAPI_CORE,
  { code: 'environment', nameVi: 'Quản trị môi trường', nameEn: 'Environmental governance', max: 10 },
  { code: 'e_governance', nameVi: 'Quản trị điện tử', nameEn: 'E-governance', max: 10 },
];

const PAR_2017: ComponentDefinition[] = [
  {
    code: 'direction',
    nameVi: 'Công tác chỉ đạo, điều hành cải cách hành chính',
    nameEn: 'Direction and management of PAR',
    max: 100,
  },
  {
    code: 'legal_documents',
    nameVi: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh',
    nameEn: 'Making and implementing legal documents in the province',
    max: 100,
  },
  {
    code: 'procedures',
    nameVi: 'Cải cách thủ tục hành chính',
    nameEn: 'Administrative procedure reform',
    max: 100,
  },
  {
    code: 'organisation',
    nameVi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    nameEn: 'Reform of the state administrative apparatus',
    max: 100,
  },
  {
    code: 'civil_servants',
    nameVi: 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
    nameEn: 'Building the quality of cadres, civil servants and public employees',
    max: 100,
  },
  {
    code: 'finance_mechanism',
    nameVi: 'Đổi mới cơ chế quản lý tài chính đối với cơ quan hành chính và đơn vị sự nghiệp công lập',
    nameEn: 'Renewal of the financial mechanism of agencies and public service units',
    max: 100,
  },
  {
    code: 'modernisation',
    nameVi: 'Hiện đại hóa hành chính',
    nameEn: 'Administrative modernisation',
    max: 100,
  },
  {
    code: 'impact',
    nameVi: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh',
    nameEn: 'Impact of PAR on people, organisations and the socio-economic development of the province',
    max: 100,
  },
];

const PAR_2022: ComponentDefinition[] = [
  {
    code: 'direction',
    nameVi: 'Công tác chỉ đạo, điều hành cải cách hành chính',
    nameEn: 'Direction and management of PAR',
    max: 100,
  },
  { code: 'institutions', nameVi: 'Cải cách thể chế', nameEn: 'Institutional reform', max: 100 },
  {
    code: 'procedures',
    nameVi: 'Cải cách thủ tục hành chính',
    nameEn: 'Administrative procedure reform',
    max: 100,
  },
  {
    code: 'organisation',
    nameVi: 'Cải cách tổ chức bộ máy hành chính nhà nước',
    nameEn: 'Reform of the state administrative apparatus',
    max: 100,
  },
  { code: 'civil_service', nameVi: 'Cải cách chế độ công vụ', nameEn: 'Civil service reform', max: 100 },
  { code: 'public_finance', nameVi: 'Cải cách tài chính công', nameEn: 'Public finance reform', max: 100 },
  {
    code: 'digital_government',
    nameVi: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
    nameEn: 'E-government and digital government',
    max: 100,
  },
  {
    code: 'impact',
    nameVi: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh',
    nameEn: 'Impact of PAR on people, organisations and the socio-economic development of the province',
    max: 100,
  },
];

/** What most indices share: a higher score is better, no published groups, no successor. */
const USUAL = { higherIsBetter: true, groups: [], successorCode: null } as const;

const PCI_BASE = {
  ...USUAL,
  code: 'PCI',
  nameVi: 'Chỉ số năng lực cạnh tranh cấp tỉnh',
  nameEn: 'Provincial Competitiveness Index',
  shortName: 'PCI',
  publisher: 'Phòng Thương mại và Công nghiệp Việt Nam (VCCI)',
  scaleMax: 100,
  unit: 'points',
  componentKind: 'sub_index',
  groups: ['Rất tốt', 'Tốt', 'Khá', 'Trung bình', 'Tương đối thấp', 'Thấp'],
} as const;

const PAPI_BASE = {
  ...USUAL,
  code: 'PAPI',
  nameVi: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh',
  nameEn: 'Provincial Governance and Public Administration Performance Index',
  shortName: 'PAPI',
  publisher: 'UNDP, CECODES',
  unit: 'points',
  componentKind: 'dimension',
  groups: ['Cao nhất', 'Trung bình cao', 'Trung bình thấp', 'Thấp nhất'],
} as const;

const PAR_BASE = {
  ...USUAL,
  code: 'PAR',
  nameVi: 'Chỉ số cải cách hành chính',
  nameEn: 'Public Administration Reform Index',
  shortName: 'PAR Index',
  publisher: 'Bộ Nội vụ (Ban Chỉ đạo cải cách hành chính của Chính phủ)',
  scaleMax: 100,
  unit: 'percent',
  componentKind: 'area',
} as const;

/** ICT Index and its successor DTI: a value from 0 to 1 over three pillars. */
const DIGITAL_BASE = { ...USUAL, scaleMax: 1, unit: 'ratio', componentKind: 'pillar' } as const;

/** Every index and method version dondoc knows, oldest first per index. */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [
  {
    ...PCI_BASE,
    validFrom: 2006,
    validTo: null,
    methodNote: '10 chỉ số thành phần thang điểm 10; điểm tổng hợp có trọng số, tối đa 100.',
    sourceNote: 'docs/domain-rules.md §9; VCCI, pcivietnam.vn',
    components: PCI_COMPONENTS,
  },
  {
    ...PAPI_BASE,
    validFrom: 2011,
    validTo: 2017,
    scaleMax: 60,
    methodNote: '6 nội dung thành phần × 10 điểm = 60 (trước khi bổ sung 2 nội dung năm 2018).',
    sourceNote: 'UNDP, papi.org.vn',
    components: PAPI_CORE,
  },
  {
    ...PAPI_BASE,
    validFrom: 2018,
    validTo: null,
    scaleMax: 80,
    methodNote:
      'Từ năm 2018: 8 nội dung thành phần × 10 điểm = 80 (thêm Quản trị môi trường, Quản trị điện tử).',
    sourceNote: 'docs/domain-rules.md §9; UNDP, papi.org.vn',
    components: PAPI_2018,
  },
  {
    ...PAR_BASE,
    validFrom: 2017,
    validTo: 2021,
    methodNote: '8 lĩnh vực theo QĐ 2636/QĐ-BNV (2017); kết quả tính theo %.',
    sourceNote:
      'Danh mục lĩnh vực theo các công bố phổ biến của QĐ 2636/QĐ-BNV; chưa đối chiếu nguyên văn quyết định.',
    components: PAR_2017,
  },
  {
    ...PAR_BASE,
    validFrom: 2022,
    validTo: null,
    methodNote: '8 lĩnh vực theo QĐ 876/QĐ-BNV ngày 10/11/2022 (giai đoạn 2022–2030); kết quả tính theo %.',
    sourceNote:
      'docs/domain-rules.md §9; danh mục lĩnh vực theo các công bố phổ biến của QĐ 876/QĐ-BNV, chưa đối chiếu nguyên văn quyết định.',
    components: PAR_2022,
  },
  {
    ...DIGITAL_BASE,
    code: 'ICT',
    validFrom: 2006,
    validTo: 2020,
    nameVi: 'Chỉ số sẵn sàng ứng dụng công nghệ thông tin (ICT Index)',
    nameEn: 'ICT Readiness Index (Vietnam ICT Index)',
    shortName: 'ICT Index',
    publisher: 'Bộ Thông tin và Truyền thông, Hội Tin học Việt Nam',
    successorCode: 'DTI',
    methodNote:
      'Giá trị 0–1 từ 3 nhóm chỉ số: hạ tầng kỹ thuật, hạ tầng nhân lực, ứng dụng CNTT. Được thay bằng DTI.',
    sourceNote: 'docs/domain-rules.md §9',
    components: [
      { code: 'infrastructure', nameVi: 'Hạ tầng kỹ thuật', nameEn: 'Technical infrastructure', max: 1 },
      { code: 'human_resources', nameVi: 'Hạ tầng nhân lực', nameEn: 'Human resources', max: 1 },
      { code: 'it_application', nameVi: 'Ứng dụng công nghệ thông tin', nameEn: 'IT application', max: 1 },
    ],
  },
  {
    ...DIGITAL_BASE,
    code: 'DTI',
    validFrom: 2020,
    validTo: null,
    nameVi: 'Chỉ số chuyển đổi số cấp tỉnh',
    nameEn: 'Provincial Digital Transformation Index',
    shortName: 'DTI',
    publisher: 'Bộ Thông tin và Truyền thông',
    methodNote: 'Giá trị 0–1; 3 trụ cột, 8 chỉ số chính và 47 chỉ số thành phần. Kế thừa ICT Index.',
    sourceNote: 'docs/domain-rules.md §9',
    components: [
      { code: 'digital_government', nameVi: 'Chính quyền số', nameEn: 'Digital government', max: 1 },
      { code: 'digital_economy', nameVi: 'Kinh tế số', nameEn: 'Digital economy', max: 1 },
      { code: 'digital_society', nameVi: 'Xã hội số', nameEn: 'Digital society', max: 1 },
    ],
  },
  {
    ...USUAL,
    code: 'SIPAS',
    validFrom: 2017,
    validTo: null,
    nameVi: 'Chỉ số hài lòng về sự phục vụ hành chính',
    nameEn: 'Satisfaction Index of Public Administrative Services',
    shortName: 'SIPAS',
    publisher: 'Bộ Nội vụ',
    scaleMax: 100,
    unit: 'percent',
    componentKind: 'factor',
    methodNote: 'Tỷ lệ hài lòng (%) theo 5 yếu tố của dịch vụ hành chính công.',
    sourceNote:
      'docs/domain-rules.md §9; 5 yếu tố theo các công bố phổ biến của Bộ Nội vụ, chưa đối chiếu nguyên văn.',
    components: [
      { code: 'access', nameVi: 'Tiếp cận dịch vụ', nameEn: 'Access to the service', max: 100 },
      { code: 'procedures', nameVi: 'Thủ tục hành chính', nameEn: 'Administrative procedures', max: 100 },
      {
        code: 'civil_servants',
        nameVi: 'Công chức giải quyết công việc',
        nameEn: 'Civil servants handling the case',
        max: 100,
      },
      { code: 'results', nameVi: 'Kết quả giải quyết công việc', nameEn: 'Results of the service', max: 100 },
      {
        code: 'feedback',
        nameVi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
        nameEn: 'Handling of comments, complaints and recommendations',
        max: 100,
      },
    ],
  },
];

export const INDEX_CODES = ['PCI', 'PAPI', 'PAR', 'ICT', 'DTI', 'SIPAS'] as const;
export type IndexCode = (typeof INDEX_CODES)[number];

/** The method version of `code` that scored `year`, or undefined when the index did not exist then. */
export function definitionFor(code: string, year: number): IndexDefinition | undefined {
  return INDEX_DEFINITIONS.find(
    (d) => d.code === code && d.validFrom <= year && (d.validTo === null || year <= d.validTo),
  );
}
