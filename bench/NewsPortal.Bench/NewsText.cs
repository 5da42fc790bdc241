using System.Globalization;

namespace NewsPortal.Bench;

/// <summary>
/// Vietnamese news text with the spread of a real regional news site: every article has one topic
/// (drawn with a Zipf-like skew, so some subjects are common and most are not), names its own units,
/// places, people and figures, and borrows a sentence from the real sample articles now and then.
/// Words of a topic are then found in a share of the articles near the share of that topic, not in
/// nearly all of them, as happened when every article was built from the sample articles' sentences.
/// </summary>
internal sealed class NewsText(Random random, IReadOnlyList<string> sampleSentences)
{
    public sealed record Topic(string Tag, string Section, string[] Subjects, string[] Actions, string[] Results, string[] Events);

    public static readonly Topic[] Topics =
    [
        new("Cải cách hành chính", "Cải cách hành chính",
            ["cải cách hành chính", "thủ tục hành chính một cửa", "tiếp nhận và trả kết quả hồ sơ", "kiểm soát thủ tục hành chính"],
            ["rà soát, cắt giảm thủ tục hành chính không cần thiết", "niêm yết công khai quy trình giải quyết hồ sơ", "vận hành bộ phận một cửa liên thông", "chuẩn hóa biểu mẫu đăng ký, khai báo"],
            ["rút ngắn thời gian giải quyết hồ sơ", "nâng cao mức độ hài lòng của cán bộ và nhân dân", "không để hồ sơ quá hạn", "giảm chi phí đi lại cho người dân"],
            ["hội nghị sơ kết cải cách hành chính", "cuộc kiểm tra công tác cải cách hành chính", "buổi tập huấn nghiệp vụ một cửa"]),
        new("Chuyển đổi số", "Chính phủ điện tử",
            ["chuyển đổi số", "số hóa hồ sơ lưu trữ", "chữ ký số chuyên dùng", "phần mềm quản lý văn bản điều hành"],
            ["số hóa toàn bộ hồ sơ lưu trữ từ năm 2010", "triển khai chữ ký số chuyên dùng cho chỉ huy các cấp", "kết nối phần mềm quản lý văn bản tới cấp tiểu đoàn", "xây dựng cơ sở dữ liệu quân nhân"],
            ["văn bản đi, đến được xử lý hoàn toàn trên môi trường mạng", "tiết kiệm hàng nghìn trang giấy mỗi tháng", "chỉ huy nắm tình hình kịp thời, chính xác"],
            ["hội thảo chuyển đổi số", "lớp bồi dưỡng kỹ năng số", "cuộc thi tìm hiểu chuyển đổi số"]),
        new("Dịch vụ công trực tuyến", "Chính phủ điện tử",
            ["dịch vụ công trực tuyến", "cổng dịch vụ công", "hồ sơ trực tuyến toàn trình"],
            ["hướng dẫn người dân nộp hồ sơ trên cổng dịch vụ công", "cung cấp dịch vụ công trực tuyến toàn trình", "tích hợp thanh toán trực tuyến lệ phí"],
            ["tỷ lệ hồ sơ nộp trực tuyến tăng nhanh", "người dân không phải đi lại nhiều lần"],
            ["đợt cao điểm hướng dẫn dịch vụ công", "buổi tuyên truyền về dịch vụ công trực tuyến"]),
        new("Huấn luyện", "Huấn luyện – Sẵn sàng chiến đấu",
            ["huấn luyện chiến sĩ mới", "huấn luyện bắn đạn thật", "luyện tập điều lệnh đội ngũ", "hành quân dã ngoại"],
            ["huấn luyện bắn súng tiểu liên AK bài 1", "luyện tập điều lệnh đội ngũ từng người", "hành quân dã ngoại 25 km mang vác nặng", "huấn luyện chiến thuật tổ, tiểu đội"],
            ["100% chiến sĩ mới đạt yêu cầu, trên 70% khá, giỏi", "bảo đảm tuyệt đối an toàn người, vũ khí, trang bị", "nâng cao trình độ kỹ thuật, chiến thuật cho bộ đội"],
            ["lễ bế mạc huấn luyện chiến sĩ mới", "hội thi giáo viên dạy giỏi", "đợt kiểm tra bắn đạn thật"]),
        new("Sẵn sàng chiến đấu", "Huấn luyện – Sẵn sàng chiến đấu",
            ["sẵn sàng chiến đấu", "trực sẵn sàng chiến đấu", "diễn tập chỉ huy – cơ quan"],
            ["duy trì nghiêm chế độ trực sẵn sàng chiến đấu", "luyện tập các phương án tác chiến", "kiểm tra báo động chuyển trạng thái sẵn sàng chiến đấu"],
            ["đơn vị luôn chủ động, không để bị động, bất ngờ", "phối hợp nhịp nhàng giữa các lực lượng"],
            ["đợt kiểm tra sẵn sàng chiến đấu", "hội nghị rút kinh nghiệm diễn tập"]),
        new("Diễn tập khu vực phòng thủ", "Quốc phòng – An ninh",
            ["diễn tập khu vực phòng thủ", "diễn tập phòng thủ dân sự", "diễn tập chiến đấu phòng thủ xã"],
            ["tổ chức diễn tập khu vực phòng thủ huyện", "chuyển địa phương từ thời bình sang thời chiến", "thực hành bắn đạn thật trên thực địa"],
            ["nâng cao năng lực lãnh đạo, chỉ đạo của cấp ủy, chính quyền", "xây dựng thế trận quốc phòng toàn dân vững chắc"],
            ["cuộc diễn tập khu vực phòng thủ", "hội nghị tổng kết diễn tập"]),
        new("Tuyển quân", "Quốc phòng – An ninh",
            ["tuyển chọn và gọi công dân nhập ngũ", "khám tuyển nghĩa vụ quân sự", "giao nhận quân"],
            ["tổ chức khám sức khỏe nghĩa vụ quân sự cho thanh niên", "tổ chức lễ giao nhận quân", "bàn giao tân binh cho các đơn vị"],
            ["hoàn thành 100% chỉ tiêu giao quân", "bảo đảm công khai, dân chủ, đúng luật", "chất lượng tân binh được nâng lên"],
            ["lễ giao nhận quân", "hội nghị triển khai tuyển quân"]),
        new("Dân vận", "Dân vận",
            ["công tác dân vận", "dân vận khéo", "giúp dân xây dựng nông thôn mới"],
            ["giúp nhân dân sửa chữa nhà ở", "làm đường giao thông nông thôn", "giúp dân thu hoạch mùa màng", "xây dựng nhà văn hóa thôn bản"],
            ["thắt chặt tình đoàn kết quân dân", "góp phần xóa đói, giảm nghèo ở địa bàn khó khăn", "hình ảnh Bộ đội Cụ Hồ thêm đẹp trong lòng nhân dân"],
            ["đợt hành quân dã ngoại làm công tác dân vận", "lễ bàn giao nhà đồng đội", "ngày hội đại đoàn kết toàn dân tộc"]),
        new("Phòng chống thiên tai", "Tin tức – Sự kiện",
            ["phòng chống thiên tai", "tìm kiếm cứu nạn", "khắc phục hậu quả mưa lũ"],
            ["khắc phục hậu quả lũ quét, sạt lở đất", "sơ tán người dân khỏi vùng nguy hiểm", "tìm kiếm người mất tích do lũ cuốn trôi", "dọn bùn đất, vệ sinh trường học"],
            ["nhanh chóng ổn định đời sống nhân dân", "không để người dân thiếu đói, thiếu nơi ở", "bảo đảm an toàn tuyệt đối cho lực lượng tham gia"],
            ["buổi diễn tập phòng chống lụt bão", "đợt ứng cứu vùng lũ"]),
        new("Biên giới", "Quốc phòng – An ninh",
            ["tuần tra biên giới", "quản lý, bảo vệ cột mốc", "tuần tra song phương"],
            ["tuần tra song phương, bảo vệ cột mốc", "phòng chống buôn lậu, vận chuyển ma túy qua biên giới", "vận động nhân dân không xuất cảnh trái phép"],
            ["giữ vững chủ quyền lãnh thổ, an ninh biên giới", "đường biên, cột mốc được bảo vệ nguyên trạng"],
            ["hội đàm với lực lượng quản lý biên giới nước bạn", "chuyến tuần tra chung"]),
        new("Tăng gia sản xuất", "Hậu cần – Kỹ thuật",
            ["tăng gia sản xuất", "cải thiện đời sống bộ đội", "bếp ăn hợp vệ sinh"],
            ["mở rộng vườn rau xanh, ao cá", "chăn nuôi lợn, gà theo hướng an toàn", "cải tiến bếp Hoàng Cầm"],
            ["bữa ăn của bộ đội được nâng lên rõ rệt", "tự túc phần lớn rau xanh và thịt"],
            ["hội thi nấu ăn giỏi", "đợt kiểm tra công tác hậu cần"]),
        new("Kỹ thuật", "Hậu cần – Kỹ thuật",
            ["bảo quản vũ khí trang bị", "ngày kỹ thuật", "niêm cất xe máy"],
            ["bảo dưỡng vũ khí, khí tài theo định kỳ", "niêm cất xe máy dài hạn", "sửa chữa trang bị kỹ thuật tại chỗ"],
            ["hệ số kỹ thuật trang bị luôn bảo đảm", "trang bị sẵn sàng cơ động khi có lệnh"],
            ["ngày kỹ thuật", "hội thao kỹ thuật"]),
        new("Quân y", "Văn hóa – Xã hội",
            ["khám chữa bệnh cho nhân dân", "quân dân y kết hợp", "phòng chống dịch bệnh"],
            ["khám bệnh, cấp thuốc miễn phí cho đồng bào", "phun thuốc phòng chống sốt xuất huyết", "tập huấn sơ cứu ban đầu"],
            ["hàng nghìn lượt người dân được khám, chữa bệnh", "dịch bệnh được khống chế kịp thời"],
            ["đợt khám bệnh nhân đạo", "chương trình quân dân y"]),
        new("Pháp luật", "Pháp luật",
            ["phổ biến giáo dục pháp luật", "Luật Nghĩa vụ quân sự", "Luật Biên phòng Việt Nam", "Luật Dân quân tự vệ"],
            ["tuyên truyền Luật Nghĩa vụ quân sự tới thanh niên", "phổ biến Luật Biên phòng Việt Nam cho đồng bào", "tổ chức hội thi tìm hiểu pháp luật"],
            ["ý thức chấp hành pháp luật của cán bộ, chiến sĩ được nâng lên", "không có vụ việc vi phạm kỷ luật nghiêm trọng"],
            ["hội thi tìm hiểu pháp luật", "ngày Pháp luật Việt Nam"]),
        new("Xây dựng Đảng", "Xây dựng Đảng",
            ["xây dựng Đảng", "học tập nghị quyết", "kết nạp đảng viên mới"],
            ["nghiên cứu, học tập nghị quyết của Đảng", "kết nạp đảng viên mới trong chiến sĩ", "kiểm tra, giám sát tổ chức đảng cấp dưới"],
            ["tổ chức đảng trong sạch, vững mạnh", "nâng cao năng lực lãnh đạo, sức chiến đấu"],
            ["đại hội chi bộ", "hội nghị quán triệt nghị quyết"]),
        new("Chính sách", "Văn hóa – Xã hội",
            ["công tác chính sách", "đền ơn đáp nghĩa", "nhà tình nghĩa"],
            ["trao nhà tình nghĩa cho gia đình chính sách", "thăm, tặng quà thương binh, gia đình liệt sĩ", "tìm kiếm, quy tập hài cốt liệt sĩ"],
            ["thể hiện đạo lý uống nước nhớ nguồn", "động viên kịp thời các gia đình chính sách"],
            ["lễ trao nhà tình nghĩa", "lễ truy điệu và an táng hài cốt liệt sĩ"]),
        new("Dân quân tự vệ", "Quốc phòng – An ninh",
            ["dân quân tự vệ", "dân quân thường trực", "lực lượng dự bị động viên"],
            ["huấn luyện dân quân thường trực", "kiểm tra động viên lực lượng dự bị", "xây dựng lực lượng dân quân vững mạnh, rộng khắp"],
            ["lực lượng dân quân làm tốt vai trò nòng cốt ở cơ sở", "bảo đảm quân số khi có lệnh động viên"],
            ["hội thao dân quân tự vệ", "đợt kiểm tra động viên"]),
        new("Giáo dục quốc phòng", "Quốc phòng – An ninh",
            ["giáo dục quốc phòng và an ninh", "bồi dưỡng kiến thức quốc phòng"],
            ["bồi dưỡng kiến thức quốc phòng và an ninh cho chức sắc tôn giáo", "giáo dục quốc phòng cho học sinh, sinh viên"],
            ["nâng cao nhận thức về nhiệm vụ bảo vệ Tổ quốc", "học viên nắm chắc quan điểm của Đảng về quốc phòng"],
            ["lớp bồi dưỡng kiến thức quốc phòng", "lễ khai giảng khóa học"]),
        new("Thi đua khen thưởng", "Tin tức – Sự kiện",
            ["phong trào thi đua quyết thắng", "điển hình tiên tiến", "học tập và làm theo Bác"],
            ["phát động phong trào thi đua quyết thắng", "biểu dương gương người tốt, việc tốt", "nhân rộng các mô hình hay, cách làm sáng tạo"],
            ["tạo khí thế thi đua sôi nổi", "nhiều tập thể, cá nhân được khen thưởng"],
            ["hội nghị điển hình tiên tiến", "lễ tuyên dương"]),
        new("Văn hóa thể thao", "Văn hóa – Xã hội",
            ["văn hóa, văn nghệ", "hội thao quốc phòng", "giải bóng chuyền"],
            ["tổ chức giao lưu văn nghệ với đồng bào", "tổ chức giải bóng chuyền nam", "xây dựng thư viện, phòng đọc"],
            ["đời sống tinh thần của bộ đội phong phú", "gắn kết quân với dân"],
            ["hội diễn văn nghệ quần chúng", "hội thao quốc phòng"]),
        new("An toàn giao thông", "Pháp luật",
            ["an toàn giao thông", "văn hóa giao thông", "lái xe an toàn"],
            ["tuyên truyền pháp luật về an toàn giao thông", "kiểm tra xe quân sự trước khi xuất xe", "huấn luyện lái xe đường đèo dốc"],
            ["không để xảy ra tai nạn giao thông nghiêm trọng", "chấp hành nghiêm Luật Giao thông đường bộ"],
            ["hội thi lái xe giỏi", "tháng an toàn giao thông"]),
        new("Môi trường", "Văn hóa – Xã hội",
            ["trồng cây xanh", "bảo vệ môi trường", "rừng phòng hộ"],
            ["trồng cây xanh tại doanh trại", "thu gom rác thải nhựa", "tuần tra bảo vệ rừng phòng hộ"],
            ["doanh trại xanh, sạch, đẹp", "góp phần bảo vệ môi trường sinh thái"],
            ["Tết trồng cây", "ngày chủ nhật xanh"]),
        new("Kinh tế quốc phòng", "Dân vận",
            ["khu kinh tế quốc phòng", "giúp dân phát triển kinh tế", "xóa đói giảm nghèo"],
            ["hướng dẫn đồng bào trồng cây ăn quả", "hỗ trợ con giống cho hộ nghèo", "xây dựng mô hình sinh kế"],
            ["nhiều hộ thoát nghèo bền vững", "đời sống đồng bào được cải thiện"],
            ["buổi chuyển giao khoa học kỹ thuật", "lễ trao bò giống"]),
    ];

    public static readonly string[] Provinces = ["Phú Thọ", "Hà Giang", "Tuyên Quang", "Lào Cai", "Yên Bái", "Lai Châu", "Điện Biên", "Sơn La", "Hòa Bình", "Vĩnh Phúc"];

    public static readonly string[] Districts =
    [
        "Mường Khương", "Bát Xát", "Mường Tè", "Đồng Văn", "Mèo Vạc", "Sìn Hồ", "Tủa Chùa", "Mộc Châu", "Bắc Hà", "Than Uyên",
        "Sông Mã", "Mường Nhé", "Nậm Nhùn", "Yên Minh", "Quản Bạ", "Hoàng Su Phì", "Xín Mần", "Si Ma Cai", "Phong Thổ", "Tam Đường",
        "Mường Lát", "Sốp Cộp", "Điện Biên Đông", "Mường Chà", "Na Hang", "Lâm Bình", "Chiêm Hóa", "Mù Cang Chải", "Trạm Tấu", "Lục Yên",
        "Đà Bắc", "Mai Châu", "Tân Sơn", "Thanh Sơn", "Tam Đảo",
    ];

    private static readonly string[] Communes =
    [
        "Y Tý", "A Mú Sung", "Lũng Cú", "Sủng Là", "Pả Vi", "Sín Thầu", "Chiềng Khương", "Thượng Phùng", "Sơn Vĩ", "Tả Van",
        "Bản Lầu", "Pha Long", "Dền Sáng", "Mù Cả", "Ka Lăng", "Thu Lũm", "Huổi Lếch", "Nà Hỳ", "Leng Su Sìn", "Chung Chải",
        "Mường Lói", "Pa Thơm", "Na Ư", "Mường Lèo", "Long Hẹ", "Chiềng Sơ", "Tà Xùa", "Hang Kia", "Pà Cò", "Xuân Sơn",
    ];

    private static readonly string[] UnitForms =
    [
        "Bộ Chỉ huy Quân sự tỉnh {P}", "Ban Chỉ huy Quân sự huyện {D}", "Bộ đội Biên phòng tỉnh {P}", "Đồn Biên phòng {C}",
        "Ban Chỉ huy Quân sự xã {C}", "Sư đoàn 316", "Lữ đoàn 168", "Trung đoàn 98", "Trung đoàn 148", "Đoàn Kinh tế – Quốc phòng 345",
        "Trường Quân sự Quân khu 2", "Bệnh viện Quân y 109", "Cục Chính trị Quân khu 2", "Cục Hậu cần – Kỹ thuật Quân khu 2",
        "Phòng Tham mưu Bộ Chỉ huy Quân sự tỉnh {P}", "Tiểu đoàn Thông tin 26", "Lữ đoàn Công binh 543", "Đại đội Trinh sát",
    ];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Hà", "Sùng", "Giàng", "Vàng", "Lường", "Cầm", "Đinh", "Triệu", "Ngô", "Mai"];
    private static readonly string[] Middles = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "A", "Xuân", "Mạnh", "Tiến"];
    private static readonly string[] Givens =
    [
        "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Phương", "Lan", "Hương", "Thắng", "Sơn", "Nam", "Bình", "Cường", "Khánh", "Lâm", "Páo",
        "Dế", "Sình", "Chứ", "Mỷ", "Hoa", "Thảo", "Vinh", "Quyết", "Toàn", "Hiếu", "Trung", "Kiên", "Đông", "Tài", "Phác", "Chiến",
    ];

    private static readonly string[] Ranks = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy"];
    private static readonly string[] Roles = ["Chỉ huy trưởng", "Chính ủy", "Phó Chỉ huy trưởng", "Trưởng phòng Tham mưu", "Chủ nhiệm Chính trị", "Đồn trưởng", "Chính trị viên"];
    private static readonly string[] Periods = ["6 tháng đầu năm", "quý I", "quý III", "năm qua", "đợt cao điểm vừa qua", "tháng 10", "dịp đầu xuân", "mùa mưa lũ năm nay"];
    private static readonly string[] Audiences = ["cán bộ, chiến sĩ", "đồng bào các dân tộc", "thanh niên trong độ tuổi", "học sinh, sinh viên", "dân quân tự vệ", "cán bộ xã, thôn bản"];

    private static readonly string[] CommentOpeners = ["", "", "Bài viết hay. ", "Cảm ơn tòa soạn. ", "Rất tự hào! ", "Ở quê tôi cũng vậy. ", "Mong được biết thêm. "];
    private static readonly string[] CommentBodies =
    [
        "Mong {U} tiếp tục phát huy {S}.", "Việc {A} ở {C} rất thiết thực, người dân phấn khởi.", "Xin hỏi {S} ở {D} thì liên hệ ở đâu ạ?",
        "Cảm ơn các chiến sĩ đã {A}.", "Cần nhân rộng cách làm này ra các xã khác của huyện {D}.", "Tôi từng công tác ở {U}, rất vui khi đọc tin này.",
        "Thủ tục bây giờ nhanh hơn nhiều so với trước, không phải đi lại.", "Chúc cán bộ, chiến sĩ {U} hoàn thành tốt nhiệm vụ.",
        "Bộ đội về {C} giúp dân, bà con ai cũng quý.", "Đề nghị báo có thêm bài về {S}.",
    ];

    private static readonly double TopicWeightTotal = Enumerable.Range(1, Topics.Length).Sum(rank => 1.0 / rank);

    /// <summary>A topic drawn with weight 1/(rank+1): the first topics are common, the last ones rare.</summary>
    public Topic NextTopic()
    {
        var pick = random.NextDouble() * TopicWeightTotal;
        for (var i = 0; i < Topics.Length; i++)
        {
            pick -= 1.0 / (i + 1);
            if (pick <= 0)
            {
                return Topics[i];
            }
        }

        return Topics[^1];
    }

    public sealed record Story(string Title, string Lead, List<string> Paragraphs, string Province, string District);

    public Story NextStory(Topic topic, DateTime published)
    {
        var province = Pick(Provinces);
        var district = Pick(Districts);
        var commune = Pick(Communes);
        var unit = Unit(province, district, commune);
        var year = published.Year.ToString(CultureInfo.InvariantCulture);
        var subject = Pick(topic.Subjects);
        var title = random.Next(6) switch
        {
            0 => $"{unit}: {Cap(Pick(topic.Actions))}",
            1 => $"{unit} đẩy mạnh {subject}",
            2 => $"{Cap(Pick(topic.Events))} tại {unit}",
            3 => $"{district}: {subject} gắn với {Pick(Pick(Topics).Subjects)}",
            4 => $"Hiệu quả từ {subject} ở {commune}",
            _ => $"{Cap(subject)} năm {year}: {unit} về đích sớm",
        };

        var lead = $"{Cap(Pick(Periods))}, {unit} đã {Pick(topic.Actions)}, {Pick(topic.Results)}.";
        var paragraphs = new List<string>();
        var count = random.Next(4, 9);
        for (var p = 0; p < count; p++)
        {
            var sentences = new List<string>();
            var n = random.Next(2, 5);
            for (var s = 0; s < n; s++)
            {
                sentences.Add(Sentence(topic, unit, province, district, year));
            }

            paragraphs.Add(string.Join(' ', sentences));
        }

        return new Story(title, lead, paragraphs, province, district);
    }

    public string Person() => $"{Pick(Surnames)} {Pick(Middles)} {Pick(Givens)}";

    public string Comment()
    {
        var topic = NextTopic();
        var text = Pick(CommentOpeners) + Pick(CommentBodies)
            .Replace("{U}", Unit(Pick(Provinces), Pick(Districts), Pick(Communes)), StringComparison.Ordinal)
            .Replace("{S}", Pick(topic.Subjects), StringComparison.Ordinal)
            .Replace("{A}", Pick(topic.Actions), StringComparison.Ordinal)
            .Replace("{C}", Pick(Communes), StringComparison.Ordinal)
            .Replace("{D}", Pick(Districts), StringComparison.Ordinal);
        return text;
    }

    private string Sentence(Topic topic, string unit, string province, string district, string year)
    {
        var commune = Pick(Communes);
        switch (random.Next(10))
        {
            case 0:
            case 1:
                return $"Trong {Pick(Periods)}, {unit} đã tổ chức {random.Next(2, 60)} {Pick(topic.Events)} cho {Pick(Audiences)}, thu hút hơn {random.Next(1, 40) * 50} lượt người tham gia.";
            case 2:
                return $"Kết quả, {random.Next(60, 100)}% nhiệm vụ đề ra được hoàn thành, {Pick(topic.Results)}.";
            case 3:
                return $"{Pick(Ranks)} {Person()}, {Pick(Roles)} {unit}, cho biết: “Thời gian tới, đơn vị tiếp tục {Pick(topic.Actions)}, {Pick(topic.Results)}”.";
            case 4:
                return $"Tại xã {commune}, huyện {district}, lực lượng vũ trang phối hợp với chính quyền địa phương {Pick(topic.Actions)}.";
            case 5:
                return $"Để làm tốt {Pick(topic.Subjects)}, {unit} chú trọng {Pick(topic.Actions)} và {Pick(topic.Actions)}.";
            case 6:
                return $"Năm {year}, tỉnh {province} đặt mục tiêu {Pick(topic.Results)}, trong đó {Pick(Audiences)} giữ vai trò nòng cốt.";
            case 7:
                return $"Ông {Person()}, người dân xã {commune}, phấn khởi nói: “Bộ đội về {Pick(topic.Actions)}, bà con rất tin tưởng”.";
            case 8:
                return $"Cùng với {Pick(Pick(Topics).Subjects)}, đơn vị còn {Pick(Pick(Topics).Actions)}.";
            default:
                // A real sentence of the sample articles keeps their wording in the mix.
                return sampleSentences[random.Next(sampleSentences.Count)];
        }
    }

    private string Unit(string province, string district, string commune) =>
        Pick(UnitForms).Replace("{P}", province, StringComparison.Ordinal).Replace("{D}", district, StringComparison.Ordinal).Replace("{C}", commune, StringComparison.Ordinal);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
