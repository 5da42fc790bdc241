namespace NewsPortal.Web.ViewModels;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message)
{
    public static ErrorViewModel For(int status) => status switch
    {
        400 => new(status, "Yêu cầu không hợp lệ", "Địa chỉ hoặc tham số bạn gửi không hợp lệ. Vui lòng kiểm tra lại đường dẫn."),
        401 => new(status, "Cần đăng nhập", "Bạn cần đăng nhập để xem trang này."),
        403 => new(status, "Không có quyền truy cập", "Tài khoản của bạn không có quyền truy cập trang này."),
        404 => new(status, "Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
        405 => new(status, "Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."),
        413 => new(status, "Dữ liệu quá lớn", "Dữ liệu bạn gửi vượt quá dung lượng cho phép."),
        415 => new(status, "Định dạng không được hỗ trợ", "Định dạng dữ liệu bạn gửi không được hỗ trợ."),
        429 => new(status, "Quá nhiều yêu cầu", "Bạn thao tác quá nhanh. Vui lòng chờ một lát rồi thử lại."),
        503 => new(status, "Hệ thống tạm thời gián đoạn", "Hệ thống đang bảo trì hoặc quá tải. Vui lòng quay lại sau ít phút."),
        >= 500 => new(status, "Đã xảy ra lỗi", "Hệ thống gặp sự cố ngoài ý muốn. Chúng tôi đã ghi nhận và sẽ khắc phục sớm."),
        _ => new(status, "Yêu cầu không thực hiện được", "Yêu cầu của bạn không thực hiện được. Vui lòng thử lại."),
    };
}
