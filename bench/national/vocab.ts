// National corpus (vocabulary): what the documents talk about and the phrases they are written in. Several
// templates per phrase, as real documents vary; none of them holds what the extractor would take for a
// citation, a place or an assignee by accident (no "Luật ..." outside bases, no type word before a number, no
// "tỉnh"/"huyện" before a name, no task title opening with an agency word such as "Hội" or "Các").
import type { Field } from './agencies.ts';
import { dayOf } from './util.ts';

export interface Topic {
  /** What a central document is about: "về <subject>". Holds no implementation verb. */
  subject: string;
  /** A short noun phrase for running text: "công nghệ sinh học". */
  short: string;
  /** Fields whose bodies lead the tasks (the first leads most). */
  fields: readonly Field[];
  /** The law a plan on this topic is based on ("Căn cứ ..."), with its date. */
  law?: { name: string; day: number };
}

const law = (name: string, y: number, m: number, d: number) => ({ name, day: dayOf(y, m, d) });

export const TOPICS: readonly Topic[] = [
  {
    subject: 'phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững trong tình hình mới',
    short: 'công nghệ sinh học',
    fields: ['khcn', 'nn', 'yt', 'ct'],
    law: law('Luật Khoa học và Công nghệ', 2013, 6, 18),
  },
  {
    subject: 'đẩy mạnh chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số',
    short: 'chuyển đổi số',
    fields: ['tttt', 'khcn', 'vp'],
    law: law('Luật Công nghệ thông tin', 2006, 6, 29),
  },
  {
    subject: 'tiếp tục đổi mới, nâng cao chất lượng giáo dục nghề nghiệp đến năm 2030',
    short: 'giáo dục nghề nghiệp',
    fields: ['ldtbxh', 'gd', 'khdt'],
    law: law('Luật Giáo dục nghề nghiệp', 2014, 11, 27),
  },
  {
    subject: 'xây dựng và phát huy giá trị văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững',
    short: 'phát triển văn hóa',
    fields: ['vhttdl', 'tttt', 'gd'],
  },
  {
    subject: 'nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045',
    short: 'nông nghiệp, nông dân, nông thôn',
    fields: ['nn', 'khdt', 'tnmt'],
    law: law('Luật Trồng trọt', 2018, 11, 19),
  },
  {
    subject: 'tăng cường công tác bảo vệ môi trường, chủ động ứng phó với biến đổi khí hậu',
    short: 'bảo vệ môi trường',
    fields: ['tnmt', 'nn', 'xd'],
    law: law('Luật Bảo vệ môi trường', 2020, 11, 17),
  },
  {
    subject: 'phát triển kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế',
    short: 'phát triển kinh tế tư nhân',
    fields: ['khdt', 'ct', 'tc'],
    law: law('Luật Hỗ trợ doanh nghiệp nhỏ và vừa', 2017, 6, 12),
  },
  {
    subject: 'tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới',
    short: 'chăm sóc sức khỏe Nhân dân',
    fields: ['yt', 'bhxh', 'tc'],
    law: law('Luật Khám bệnh, chữa bệnh', 2009, 11, 23),
  },
  {
    subject: 'phát triển nguồn nhân lực chất lượng cao đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa',
    short: 'phát triển nguồn nhân lực',
    fields: ['nv', 'gd', 'ldtbxh'],
  },
  {
    subject: 'đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp',
    short: 'cải cách hành chính',
    fields: ['nv', 'vp', 'tttt'],
  },
  {
    subject: 'tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực',
    short: 'phòng, chống tham nhũng',
    fields: ['tt', 'tp', 'nv'],
    law: law('Luật Phòng, chống tham nhũng', 2018, 11, 20),
  },
  {
    subject: 'tăng cường bảo đảm trật tự, an toàn giao thông và khắc phục ùn tắc giao thông',
    short: 'bảo đảm trật tự, an toàn giao thông',
    fields: ['ca', 'gtvt', 'tttt'],
    law: law('Luật Giao thông đường bộ', 2008, 11, 13),
  },
  {
    subject: 'phát triển du lịch trở thành ngành kinh tế mũi nhọn',
    short: 'phát triển du lịch',
    fields: ['vhttdl', 'khdt', 'ct'],
    law: law('Luật Du lịch', 2017, 6, 19),
  },
  {
    subject: 'phát triển khoa học, công nghệ và đổi mới sáng tạo trong giai đoạn mới',
    short: 'khoa học, công nghệ và đổi mới sáng tạo',
    fields: ['khcn', 'khdt', 'tc'],
    law: law('Luật Khoa học và Công nghệ', 2013, 6, 18),
  },
  {
    subject: 'công tác dân tộc và chính sách đối với đồng bào dân tộc thiểu số',
    short: 'công tác dân tộc',
    fields: ['dt', 'ldtbxh', 'gd'],
  },
  {
    subject: 'tăng cường sự lãnh đạo của Đảng, tạo bước phát triển mạnh mẽ về thể dục, thể thao',
    short: 'phát triển thể dục, thể thao',
    fields: ['vhttdl', 'gd', 'doan'],
    law: law('Luật Thể dục, thể thao', 2006, 11, 29),
  },
  {
    subject: 'bảo đảm an ninh lương thực quốc gia đến năm 2030',
    short: 'an ninh lương thực',
    fields: ['nn', 'ct', 'tnmt'],
  },
  {
    subject: 'tăng cường quản lý, bảo vệ và sử dụng hiệu quả tài nguyên nước',
    short: 'quản lý tài nguyên nước',
    fields: ['tnmt', 'nn', 'xd'],
    law: law('Luật Tài nguyên nước', 2012, 6, 21),
  },
  {
    subject: 'định hướng phát triển năng lượng, ưu tiên năng lượng tái tạo',
    short: 'phát triển năng lượng tái tạo',
    fields: ['ct', 'khdt', 'tnmt'],
  },
  {
    subject: 'quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị',
    short: 'phát triển đô thị',
    fields: ['xd', 'tnmt', 'gtvt'],
    law: law('Luật Quy hoạch đô thị', 2009, 6, 17),
  },
  {
    subject: 'tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
    short: 'phòng, chống thiên tai',
    fields: ['nn', 'qs', 'ca'],
    law: law('Luật Phòng, chống thiên tai', 2013, 6, 19),
  },
  {
    subject: 'tăng cường công tác bảo vệ, chăm sóc và giáo dục trẻ em',
    short: 'bảo vệ, chăm sóc trẻ em',
    fields: ['ldtbxh', 'gd', 'yt'],
    law: law('Luật Trẻ em', 2016, 4, 5),
  },
  {
    subject: 'phát triển bảo hiểm xã hội, bảo hiểm y tế toàn dân',
    short: 'bảo hiểm xã hội, bảo hiểm y tế',
    fields: ['bhxh', 'ldtbxh', 'yt'],
    law: law('Luật Bảo hiểm xã hội', 2014, 11, 20),
  },
  {
    subject: 'tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể',
    short: 'phát triển kinh tế tập thể',
    fields: ['khdt', 'nn', 'tc'],
    law: law('Luật Hợp tác xã', 2012, 11, 20),
  },
  {
    subject: 'tăng cường công tác phổ biến, giáo dục pháp luật, nâng cao ý thức chấp hành pháp luật',
    short: 'phổ biến, giáo dục pháp luật',
    fields: ['tp', 'tttt', 'gd'],
    law: law('Luật Phổ biến, giáo dục pháp luật', 2012, 6, 20),
  },
  {
    subject: 'đẩy mạnh công tác giảm nghèo bền vững',
    short: 'giảm nghèo bền vững',
    fields: ['ldtbxh', 'nn', 'dt'],
  },
  {
    subject: 'phát triển thương mại điện tử và thương mại trong nước',
    short: 'phát triển thương mại',
    fields: ['ct', 'tttt', 'khdt'],
  },
  {
    subject: 'công tác bình đẳng giới và vì sự tiến bộ của phụ nữ',
    short: 'bình đẳng giới',
    fields: ['ldtbxh', 'pn', 'nv'],
    law: law('Luật Bình đẳng giới', 2006, 11, 29),
  },
  {
    subject: 'tăng cường quản lý an toàn thực phẩm trong tình hình mới',
    short: 'bảo đảm an toàn thực phẩm',
    fields: ['yt', 'nn', 'ct'],
    law: law('Luật An toàn thực phẩm', 2010, 6, 17),
  },
  {
    subject: 'tăng cường công tác thanh niên, phát huy vai trò của thanh niên',
    short: 'công tác thanh niên',
    fields: ['nv', 'doan', 'ldtbxh'],
    law: law('Luật Thanh niên', 2020, 6, 16),
  },
  {
    subject: 'tiếp tục xây dựng nền quốc phòng toàn dân, khu vực phòng thủ vững chắc',
    short: 'xây dựng khu vực phòng thủ',
    fields: ['qs', 'ca', 'khdt'],
  },
  {
    subject: 'tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ',
    short: 'phòng cháy, chữa cháy',
    fields: ['ca', 'xd', 'ct'],
  },
  {
    subject:
      'định hướng hoàn thiện thể chế, chính sách, nâng cao chất lượng, hiệu quả hợp tác đầu tư nước ngoài',
    short: 'thu hút đầu tư',
    fields: ['khdt', 'ct', 'tc'],
    law: law('Luật Đầu tư', 2020, 6, 17),
  },
  {
    subject: 'phát triển đồng bộ kết cấu hạ tầng giao thông',
    short: 'phát triển hạ tầng giao thông',
    fields: ['gtvt', 'xd', 'khdt'],
  },
  {
    subject: 'phát triển thị trường khoa học và công nghệ, hỗ trợ doanh nghiệp đổi mới công nghệ',
    short: 'đổi mới công nghệ trong doanh nghiệp',
    fields: ['khcn', 'ct', 'khdt'],
    law: law('Luật Chuyển giao công nghệ', 2017, 6, 19),
  },
  {
    subject: 'nâng cao chất lượng, hiệu quả công tác dân vận trong tình hình mới',
    short: 'công tác dân vận',
    fields: ['nv', 'mttq', 'nd'],
  },
];

// ---------------------------------------------------------------------------------------------
// Task titles and bodies. {t} is the topic's short phrase.

export const TASK_TITLES: readonly string[] = [
  'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền đối với {t}',
  'Đẩy mạnh công tác tuyên truyền, nâng cao nhận thức về {t}',
  'Hoàn thiện cơ chế, chính sách về {t}',
  'Nâng cao hiệu lực, hiệu quả quản lý nhà nước về {t}',
  'Phát triển nguồn nhân lực phục vụ {t}',
  'Huy động và sử dụng hiệu quả các nguồn lực đầu tư cho {t}',
  'Ứng dụng tiến bộ khoa học, công nghệ trong {t}',
  'Đẩy mạnh hợp tác, liên kết trong lĩnh vực {t}',
  'Kiện toàn tổ chức bộ máy, nâng cao năng lực đội ngũ phụ trách {t}',
  'Xây dựng cơ sở dữ liệu và hạ tầng thông tin về {t}',
  'Phát triển, nhân rộng các mô hình điểm về {t}',
  'Đổi mới nội dung, phương thức tổ chức các hoạt động {t}',
  'Thúc đẩy xã hội hóa, thu hút doanh nghiệp tham gia {t}',
  'Nâng cao chất lượng dịch vụ công trong lĩnh vực {t}',
  'Rà soát, điều chỉnh quy hoạch và chương trình liên quan đến {t}',
  'Bảo đảm kinh phí và cơ sở vật chất cho {t}',
  'Tăng cường kiểm tra, giám sát, sơ kết, đánh giá kết quả {t}',
  'Đào tạo, bồi dưỡng cán bộ, công chức về {t}',
  'Nâng cao vai trò của doanh nghiệp và người dân trong {t}',
  'Ứng dụng chuyển đổi số trong quản lý, điều hành về {t}',
];

/** Titles of a group of sub-items ("by sector"); its sub-items get ordinary titles. */
export const GROUP_TITLES: readonly string[] = [
  'Tập trung các nguồn lực cho những lĩnh vực trọng tâm về {t}',
  'Triển khai đồng bộ các giải pháp chủ yếu về {t}',
  'Đẩy mạnh {t} trên một số lĩnh vực ưu tiên',
  'Nâng cao hiệu quả {t} theo từng nhóm nhiệm vụ',
];

export const TASK_BODIES: readonly string[] = [
  'Quán triệt sâu sắc các quan điểm, mục tiêu, nhiệm vụ về {t} đến cán bộ, đảng viên và các tầng lớp Nhân dân; xác định đây là nhiệm vụ quan trọng, thường xuyên của cả hệ thống chính trị.',
  'Đa dạng hóa hình thức tuyên truyền trên báo chí, hệ thống thông tin cơ sở và mạng xã hội; kịp thời biểu dương, nhân rộng các mô hình hay, cách làm hiệu quả về {t}.',
  'Rà soát, đề xuất sửa đổi, bổ sung các cơ chế, chính sách không còn phù hợp; nghiên cứu ban hành chính sách đặc thù của địa phương để thúc đẩy {t}.',
  'Nâng cao năng lực, trình độ chuyên môn của đội ngũ cán bộ, công chức phụ trách {t}; bố trí đủ biên chế theo vị trí việc làm được phê duyệt.',
  'Ưu tiên bố trí ngân sách, đồng thời huy động các nguồn lực xã hội hóa, vốn tín dụng và các nguồn vốn hợp pháp khác cho {t}.',
  'Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý, điều hành và cung cấp dịch vụ công liên quan đến {t}.',
  'Xây dựng, nhân rộng các mô hình điểm về {t} gắn với điều kiện thực tế của từng địa phương, đơn vị.',
  'Tăng cường kiểm tra, giám sát; kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc và xử lý nghiêm các vi phạm.',
  'Phấn đấu đến năm {y} có trên {p}% cơ quan, đơn vị triển khai có hiệu quả các nhiệm vụ về {t}.',
  'Tăng cường phối hợp giữa các cơ quan, đơn vị và địa phương; phát huy vai trò giám sát của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội.',
  'Chủ động hợp tác với các viện nghiên cứu, trường đại học và doanh nghiệp để chuyển giao, ứng dụng tiến bộ kỹ thuật phục vụ {t}.',
  'Hoàn thiện hệ thống cơ sở dữ liệu, bảo đảm kết nối, chia sẻ thông tin giữa các ngành, các cấp; định kỳ cập nhật, công khai thông tin theo quy định.',
  'Lồng ghép các nội dung về {t} vào chương trình, kế hoạch phát triển kinh tế - xã hội hằng năm của địa phương, đơn vị.',
  'Khuyến khích các tổ chức, cá nhân và doanh nghiệp đầu tư vào {t}; tạo môi trường thuận lợi, minh bạch cho các nhà đầu tư.',
  'Tổ chức các lớp tập huấn, bồi dưỡng kiến thức, kỹ năng cho đội ngũ cán bộ cơ sở; chú trọng đào tạo tại chỗ, gắn lý thuyết với thực hành.',
  'Đến năm {y}, phấn đấu tỷ lệ người dân được tiếp cận các dịch vụ về {t} đạt trên {p}%.',
  'Đánh giá đúng thực trạng, xác định rõ những hạn chế, yếu kém và nguyên nhân để có giải pháp khắc phục phù hợp, hiệu quả.',
  'Phát huy vai trò nêu gương của cán bộ, đảng viên, nhất là người đứng đầu trong tổ chức triển khai các nhiệm vụ về {t}.',
];

// Section I (purpose and requirements), II (objectives), IV (funding): running text, never tasks.

export const PURPOSES: readonly string[] = [
  'Quán triệt, triển khai kịp thời, đồng bộ và có hiệu quả {parent}; xác định cụ thể nhiệm vụ, giải pháp và trách nhiệm của các cơ quan, đơn vị, địa phương.',
  'Cụ thể hóa các quan điểm, mục tiêu, nhiệm vụ và giải pháp nêu tại {parent} phù hợp với tình hình thực tế của địa phương.',
  'Tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động của các cấp, các ngành, cán bộ, đảng viên và Nhân dân về {t}.',
  'Làm căn cứ để các cơ quan, đơn vị, địa phương xây dựng kế hoạch cụ thể, tổ chức thực hiện và kiểm tra, đánh giá kết quả thực hiện.',
];

export const REQUIREMENTS: readonly string[] = [
  'Việc triển khai phải bám sát các nội dung của {parent}, bảo đảm đồng bộ, thống nhất, hiệu quả, tránh hình thức.',
  'Xác định rõ nội dung công việc, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị; tăng cường phối hợp trong quá trình thực hiện.',
  'Thường xuyên theo dõi, đôn đốc, kiểm tra, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh; định kỳ sơ kết, đánh giá, rút kinh nghiệm.',
  'Gắn việc triển khai với các chương trình, kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của địa phương.',
];

export const GENERAL_GOALS: readonly string[] = [
  'Đến năm {y2}, {t} có bước phát triển rõ nét, góp phần quan trọng vào tăng trưởng kinh tế, nâng cao đời sống vật chất và tinh thần của Nhân dân.',
  'Huy động sự tham gia của cả hệ thống chính trị và toàn xã hội; tạo chuyển biến tích cực, bền vững về {t} trên địa bàn.',
  'Phát huy tiềm năng, lợi thế của địa phương; từng bước đưa {t} trở thành động lực quan trọng cho phát triển nhanh và bền vững.',
];

export const SPECIFIC_GOALS: readonly string[] = [
  'Đến năm {y}, {p}% cơ quan, đơn vị được tập huấn, bồi dưỡng kiến thức về {t}.',
  'Phấn đấu hằng năm tăng ít nhất {p2}% số mô hình, sản phẩm mới về {t} được ứng dụng trong thực tiễn.',
  'Đến năm {y2}, trên {p}% hồ sơ, thủ tục liên quan được tiếp nhận và giải quyết trên môi trường điện tử.',
  'Bảo đảm {p}% cán bộ phụ trách {t} được đào tạo, bồi dưỡng đáp ứng yêu cầu nhiệm vụ.',
  'Tỷ lệ người dân hài lòng đối với các dịch vụ về {t} đạt trên {p}% vào năm {y}.',
];

export const FUNDING: readonly string[] = [
  'Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành, lồng ghép trong các chương trình, dự án và các nguồn huy động hợp pháp khác.',
  'Các cơ quan, đơn vị căn cứ nhiệm vụ được giao xây dựng dự toán kinh phí, tổng hợp chung vào dự toán ngân sách hằng năm của đơn vị, trình cấp có thẩm quyền phê duyệt theo quy định.',
  'Khuyến khích huy động các nguồn tài trợ, viện trợ và đóng góp tự nguyện của tổ chức, cá nhân trong và ngoài nước theo quy định của pháp luật.',
];

// Organisation items: "<Agency>: <duty>" (the agency is named before the colon).

export const ORG_DUTIES: readonly string[] = [
  'Tham mưu tổ chức triển khai Kế hoạch; theo dõi, đôn đốc các cơ quan, đơn vị thực hiện',
  'Hướng dẫn các cơ quan, đơn vị triển khai các nhiệm vụ thuộc lĩnh vực được giao',
  'Tham mưu bố trí kinh phí thực hiện các nhiệm vụ theo khả năng cân đối ngân sách',
  'Đẩy mạnh công tác thông tin, tuyên truyền về {t} trên các phương tiện thông tin đại chúng',
  'Theo dõi, tổng hợp, đánh giá kết quả thực hiện; kịp thời đề xuất điều chỉnh, bổ sung các nội dung cho phù hợp',
];

export const REPORT_CLAUSES: readonly string[] = [
  'định kỳ hằng năm trước ngày {dm} tổng hợp, báo cáo kết quả thực hiện',
  'định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện',
  'hằng năm trước ngày {dm} báo cáo tình hình, kết quả thực hiện',
];

export const CLOSINGS: readonly string[] = [
  'Trên đây là Kế hoạch của {self}; yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai./.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về cơ quan thường trực để tổng hợp, báo cáo xem xét, giải quyết./.',
  'Yêu cầu các cơ quan, đơn vị, địa phương khẩn trương triển khai thực hiện./.',
];

// ---------------------------------------------------------------------------------------------
// People and places of signing.

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Công', 'Đình', 'Anh'];
const GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Lan',
  'Hương',
  'Thảo',
  'Nam',
  'Long',
  'Phong',
  'Tâm',
  'Thắng',
  'Hiền',
  'Cường',
  'Khánh',
  'Lộc',
  'Quang',
  'Vinh',
  'Thịnh',
  'Tùng',
];

export const personName = (pick: <T>(xs: readonly T[]) => T): string =>
  `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;

/** Task deadlines, relative to the year of the document ({y} this year, {y1} next). */
export const DEADLINES: readonly string[] = [
  'Thường xuyên.',
  'Thường xuyên, hằng năm.',
  'Hằng năm.',
  'Trước ngày 30/6/{y1}.',
  'Hoàn thành trước ngày 31/12/{y}.',
  'Quý IV/{y}.',
  'Hoàn thành trong quý II/{y1}.',
  'Năm {y1}.',
  'Giai đoạn {y} - {y2}.',
  'Trước ngày 15/10/{y1}.',
];

export const PARTY_TERM = (day: number): 'XII' | 'XIII' => (day < dayOf(2021, 2, 1) ? 'XII' : 'XIII');
