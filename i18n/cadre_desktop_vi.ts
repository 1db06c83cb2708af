<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>ApplyRatingsDialog</name>
    <message>
        <source>Apply as yearly ratings — %1</source>
        <translation>Chuyển thành xếp loại năm — %1</translation>
    </message>
    <message>
        <source>The scores of %1 give these ratings for %2.</source>
        <translation>Theo điểm rèn luyện %1, xếp loại năm %2 như sau.</translation>
    </message>
    <message>
        <source>%1 ratings will be written; %2 of them replace a rating the person already has (in red). %3 are already as the score says.</source>
        <translation>Sẽ ghi %1 xếp loại; %2 trong số đó thay cho xếp loại đã có (tô đỏ). %3 người đã có xếp loại đúng như điểm.</translation>
    </message>
    <message>
        <source>Results were already applied on %1.</source>
        <translation>Kết quả đã được chuyển thành xếp loại ngày %1.</translation>
    </message>
    <message>
        <source>&amp;Write %1 ratings…</source>
        <translation>&amp;Ghi %1 xếp loại…</translation>
    </message>
    <message>
        <source>Apply as yearly ratings</source>
        <translation>Chuyển thành xếp loại năm</translation>
    </message>
    <message>
        <source>Write %1 yearly ratings for %2? This can be undone with Undo.</source>
        <translation>Ghi %1 xếp loại năm %2? Có thể hoàn tác bằng lệnh Hoàn tác.</translation>
    </message>
    <message>
        <source>Write ratings</source>
        <translation>Ghi xếp loại</translation>
    </message>
    <message>
        <source>Writing the yearly ratings…</source>
        <translation>Đang ghi xếp loại hằng năm…</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve rotation</source>
        <translation>Duyệt cử đi cơ sở</translation>
    </message>
    <message>
        <source>The Standing Committee&apos;s decision to send %1.</source>
        <translation>Quyết định của Ban Thường vụ cử %1 đi cơ sở.</translation>
    </message>
    <message>
        <source>Decision no.:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>Ngày quyết định:</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Dự học</translation>
    </message>
    <message>
        <source>%1 (not held yet)</source>
        <translation>%1 (chưa học)</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>&amp;All present</source>
        <translation>&amp;Có mặt tất cả</translation>
    </message>
    <message>
        <source>Mark everyone not yet marked present for the session of the selected column</source>
        <translation>Đánh dấu có mặt cho mọi học viên chưa được điểm danh ở buổi học của cột đang chọn</translation>
    </message>
    <message>
        <source>E&amp;xport sheet…</source>
        <translation>&amp;Xuất bảng điểm danh…</translation>
    </message>
    <message>
        <source>&amp;Import sheet…</source>
        <translation>&amp;Nhập bảng điểm danh…</translation>
    </message>
    <message>
        <source>Type a code in a cell: %1. The cursor moves down to the next participant; Backspace or Delete clears.</source>
        <translation>Gõ ký hiệu vào ô: %1. Con trỏ chuyển xuống học viên tiếp theo; Backspace hoặc Delete để xóa.</translation>
    </message>
    <message>
        <source>As on old Excel sheets, “x” and “v” are read as the office&apos;s present and absent codes (%1), here and in an imported sheet.</source>
        <translation>Như trên các bảng Excel cũ, “x” và “v” được hiểu là ký hiệu có mặt và vắng của đơn vị (%1), khi gõ ở đây cũng như trong tệp nhập vào.</translation>
    </message>
    <message>
        <source>Choose a session column to take attendance.</source>
        <translation>Hãy chọn cột của một buổi học để điểm danh.</translation>
    </message>
    <message>
        <source>“%1” is not an attendance code. Use %2.</source>
        <translation>“%1” không phải ký hiệu điểm danh. Hãy dùng %2.</translation>
    </message>
    <message>
        <source>Select a cell in the session&apos;s column first.</source>
        <translation>Hãy chọn một ô trong cột của buổi học trước.</translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln participants present</source>
        <translation>
            <numerusform>Đã đánh dấu có mặt %Ln học viên</numerusform>
        </translation>
    </message>
    <message>
        <source>Export attendance sheet</source>
        <translation>Xuất bảng điểm danh</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the attendance sheet…</source>
        <translation>Đang ghi bảng điểm danh…</translation>
    </message>
    <message numerus="yes">
        <source>Exported the attendance of %Ln participants to %1</source>
        <translation>
            <numerusform>Đã xuất điểm danh của %Ln học viên ra %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Đã hủy xuất bảng điểm danh.</translation>
    </message>
    <message>
        <source>Import attendance sheet</source>
        <translation>Nhập bảng điểm danh</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Reading the attendance sheet…</source>
        <translation>Đang đọc bảng điểm danh…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Đã hủy nhập: không có gì được ghi.</translation>
    </message>
    <message>
        <source>Writing the attendance…</source>
        <translation>Đang ghi điểm danh…</translation>
    </message>
    <message numerus="yes">
        <source>Imported attendance: %Ln records changed</source>
        <translation>
            <numerusform>Đã nhập điểm danh: %Ln mục thay đổi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>A copy of the data is made automatically once a day when the program starts. The last 7 days and 4 weeks are kept. Restoring a copy replaces the current data; the current data is itself saved as a copy first.</source>
        <translation>Mỗi ngày chương trình tự động sao lưu dữ liệu một lần khi khởi động. Các bản sao của 7 ngày và 4 tuần gần nhất được giữ lại. Khôi phục một bản sao sẽ thay thế dữ liệu hiện tại; trước đó, dữ liệu hiện tại được sao lưu thành một bản.</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Copying the data file…</source>
        <translation>Đang sao chép tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the current data with the copy taken at %1? The current data is saved as a copy first.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu lúc %1? Dữ liệu hiện tại sẽ được sao lưu trước.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <source>Cost item</source>
        <translation>Khoản chi</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Diễn giải</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Rate (đồng)</source>
        <translation>Định mức (đồng)</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Thành tiền (đồng)</translation>
    </message>
    <message>
        <source>Budget of %1</source>
        <translation>Kinh phí của %1</translation>
    </message>
    <message>
        <source>Copy the &amp;estimate to the actual</source>
        <translation>&amp;Chép dự toán sang thực hiện</translation>
    </message>
    <message>
        <source>The class&apos;s planned and actual budget become the totals of these lines.</source>
        <translation>Dự toán và kinh phí thực hiện của lớp là tổng các khoản chi dưới đây.</translation>
    </message>
    <message>
        <source>Budget saved: %1</source>
        <translation>Đã lưu kinh phí: %1</translation>
    </message>
</context>
<context>
    <name>BugReportDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong inside Cadre Desktop. Your data is safe: the last action was not saved. Please copy the report below and send it to whoever supports the program, with a few words on what you were doing.</source>
        <translation>Cadre Desktop gặp lỗi bên trong. Dữ liệu của bạn vẫn an toàn: thao tác vừa rồi chưa được lưu. Hãy sao chép báo cáo dưới đây và gửi cho người hỗ trợ chương trình, kèm vài dòng mô tả việc bạn đang làm.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel rotation</source>
        <translation>Hủy đợt đi cơ sở</translation>
    </message>
    <message>
        <source>Cancel %1&apos;s rotation? It stays in the list as cancelled and no longer counts towards the year&apos;s quota.</source>
        <translation>Hủy đợt đi cơ sở của %1? Đợt này vẫn ở trong danh sách với trạng thái đã hủy và không còn tính vào số lượng cử đi của năm.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <source>%n not met</source>
        <translation>%n điều kiện chưa đạt</translation>
    </message>
    <message>
        <source>%n lack data</source>
        <translation>%n điều kiện thiếu dữ liệu</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Đối tượng %1</translation>
    </message>
</context>
<context>
    <name>ChangeEndDialog</name>
    <message>
        <source>Extend or end early</source>
        <translation>Gia hạn hoặc kết thúc sớm</translation>
    </message>
    <message>
        <source>%1&apos;s rotation now ends on %2. A later date extends it, an earlier one ends it early.</source>
        <translation>Đợt đi cơ sở của %1 hiện kết thúc ngày %2. Chọn ngày muộn hơn để gia hạn, ngày sớm hơn để kết thúc sớm.</translation>
    </message>
    <message>
        <source>New end:</source>
        <translation>Ngày kết thúc mới:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Decision no.:</source>
        <translation>Số quyết định:</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>chưa đủ điều kiện</translation>
    </message>
</context>
<context>
    <name>ClassForm</name>
    <message>
        <source>meeting link for an online class</source>
        <translation>đường dẫn phòng họp của lớp trực tuyến</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>vô hạn</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>dự toán</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>thực chi</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên lớp:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>Đơn &amp;vị tổ chức:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>Đường &amp;dẫn:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Thời gian:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Sĩ số tối đa:</translation>
    </message>
    <message>
        <source>Budget (đồng):</source>
        <translation>Kinh phí (đồng):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>T&amp;rạng thái:</translation>
    </message>
</context>
<context>
    <name>ClassTableModel</name>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>+%1 waiting</source>
        <translation>+%1 chờ</translation>
    </message>
    <message>
        <source>%1 enrolled, capacity %2, %3 on the waiting list, %4 sessions</source>
        <translation>%1 học viên, sĩ số tối đa %2, %3 người chờ, %4 buổi học</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
</context>
<context>
    <name>ClassView</name>
    <message>
        <source>All classes</source>
        <translation>Tất cả các lớp</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Thông tin chung</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Buổi học</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Học viên</translation>
    </message>
    <message>
        <source>A&amp;ttendance</source>
        <translation>Điểm &amp;danh</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Kết quả</translation>
    </message>
    <message>
        <source>Pri&amp;nt</source>
        <translation>&amp;In</translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message>
        <source>Show the classes of one year</source>
        <translation>Xem các lớp của một năm</translation>
    </message>
    <message>
        <source>Show the classes in one state</source>
        <translation>Xem các lớp theo trạng thái</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>&amp;New class…</source>
        <translation>&amp;Thêm lớp…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Training classes</source>
        <translation>Danh sách lớp bồi dưỡng</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message numerus="yes">
        <source>%Ln classes</source>
        <translation>
            <numerusform>%Ln lớp</numerusform>
        </translation>
    </message>
    <message>
        <source>Class created</source>
        <translation>Đã tạo lớp</translation>
    </message>
    <message>
        <source>Delete class</source>
        <translation>Xóa lớp</translation>
    </message>
    <message>
        <source>Delete the class “%1” with its sessions, participants and attendance? Ctrl+Z brings it back.</source>
        <translation>Xóa lớp “%1” cùng các buổi học, học viên và điểm danh? Có thể lấy lại bằng Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Deleted class %1. Press Ctrl+Z to undo.</source>
        <translation>Đã xóa lớp %1. Nhấn Ctrl+Z để hoàn tác.</translation>
    </message>
</context>
<context>
    <name>ClauseDialog</name>
    <message>
        <source>Condition of the target group</source>
        <translation>Điều kiện của đối tượng</translation>
    </message>
    <message>
        <source>A person matches when every part ticked here holds: for example the position Bí thư at the unit level Đoàn cơ sở. Leave a list empty when it does not matter.</source>
        <translation>Một người thuộc đối tượng khi đáp ứng mọi mục được đánh dấu ở đây, ví dụ chức vụ Bí thư ở đơn vị cấp Đoàn cơ sở. Để trống danh sách nào không cần xét.</translation>
    </message>
    <message>
        <source>Current position is one of:</source>
        <translation>Chức vụ hiện tại là một trong:</translation>
    </message>
    <message>
        <source>… at a unit of level:</source>
        <translation>… tại đơn vị cấp:</translation>
    </message>
    <message>
        <source>Working status is one of:</source>
        <translation>Chế độ công tác là một trong:</translation>
    </message>
    <message>
        <source>Planned (quy hoạch) for:</source>
        <translation>Được quy hoạch chức danh:</translation>
    </message>
</context>
<context>
    <name>CloseUnitDialog</name>
    <message>
        <source>Dissolve or merge a unit</source>
        <translation>Giải thể hoặc sáp nhập đơn vị</translation>
    </message>
    <message>
        <source>%1 will stay in the tree, greyed, with its history. People still in it keep it as their unit until you move them.</source>
        <translation>%1 vẫn nằm trong cây đơn vị (tô xám) cùng lịch sử của đơn vị. Những người còn ở đơn vị này vẫn giữ đơn vị đó cho đến khi được chuyển đi.</translation>
    </message>
    <message>
        <source>(none: the unit is dissolved)</source>
        <translation>(không: đơn vị giải thể)</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>Đến &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Merged into:</source>
        <translation>&amp;Sáp nhập vào:</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>Records</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
</context>
<context>
    <name>CountsSection</name>
    <message>
        <source>The office</source>
        <translation>Số liệu chung</translation>
    </message>
    <message>
        <source>people</source>
        <translation>cán bộ, đoàn viên</translation>
    </message>
    <message>
        <source>units</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>rotations under way</source>
        <translation>cán bộ đang đi cơ sở</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>Coverage</source>
        <translation>Tỷ lệ đã bồi dưỡng</translation>
    </message>
    <message>
        <source>Coverage: choose a programme</source>
        <translation>Tỷ lệ đã bồi dưỡng: hãy chọn chương trình</translation>
    </message>
    <message>
        <source>Coverage of “%1”</source>
        <translation>Tỷ lệ đã bồi dưỡng “%1”</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>Nobody in the roster is in this target group.</source>
        <translation>Không có ai trong danh sách thuộc đối tượng này.</translation>
    </message>
    <message numerus="yes">
        <source>Untrained in %1: %Ln people</source>
        <translation>
            <numerusform>Chưa bồi dưỡng ở %1: %Ln người</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>In target group</source>
        <translation>Thuộc đối tượng</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Đã bồi dưỡng</translation>
    </message>
    <message>
        <source>Untrained</source>
        <translation>Chưa bồi dưỡng</translation>
    </message>
    <message>
        <source>Trained share</source>
        <translation>Tỷ lệ</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Lưu thay đổi</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <source>&amp;Budget by cost item…</source>
        <translation>Kinh &amp;phí theo khoản chi…</translation>
    </message>
    <message>
        <source>%1 of %2 seats taken</source>
        <translation>%1/%2 chỗ đã có người</translation>
    </message>
    <message>
        <source>%1 enrolled</source>
        <translation>%1 học viên</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sessions</source>
        <translation>
            <numerusform>%Ln buổi học</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln người trong danh sách chờ</numerusform>
        </translation>
    </message>
    <message>
        <source>budget %1, spent %2</source>
        <translation>dự toán %1, đã chi %2</translation>
    </message>
    <message>
        <source>Saved class %1</source>
        <translation>Đã lưu lớp %1</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Kỳ đánh giá</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
</context>
<context>
    <name>DueSummarySection</name>
    <message>
        <source>To do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open it.</source>
        <translation>Nhấn đúp vào một dòng (hoặc nhấn Enter) để mở đúng trang.</translation>
    </message>
    <message>
        <source>Evaluations of cadres on rotation</source>
        <translation>Đánh giá cán bộ đi cơ sở</translation>
    </message>
    <message>
        <source>%1 — %2, due %3: missing %4</source>
        <translation>%1 — %2, hạn %3: còn thiếu %4</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln đoàn viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln branch(es)</source>
        <translation>
            <numerusform>ở %Ln chi đoàn</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 quá hạn</translation>
    </message>
    <message>
        <source>Member self-evaluations</source>
        <translation>Đoàn viên chưa tự đánh giá</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln member(s) without self-evaluation round %2, due %3</source>
        <translation>
            <numerusform>%1 — %Ln đoàn viên chưa tự đánh giá đợt %2, hạn %3</numerusform>
        </translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(chưa có đơn vị)</translation>
    </message>
    <message>
        <source>Classes ended, to be closed</source>
        <translation>Lớp đã học xong, chờ kết thúc lớp</translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln lớp</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — last day %2: record the results and close it</source>
        <translation>%1 — học xong ngày %2: nhập kết quả và kết thúc lớp</translation>
    </message>
    <message>
        <source>The office below has sent its bundles in time.</source>
        <translation>Đơn vị cấp dưới đã gửi gói dữ liệu đúng hạn.</translation>
    </message>
    <message>
        <source>All %1 offices below have sent their bundles in time.</source>
        <translation>Cả %1 đơn vị cấp dưới đã gửi gói dữ liệu đúng hạn.</translation>
    </message>
    <message>
        <source>Offices below late with their bundles</source>
        <translation>Đơn vị cấp dưới chậm gửi dữ liệu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln office(s)</source>
        <translation>
            <numerusform>%Ln đơn vị</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — no bundle since it was enrolled</source>
        <translation>%1 — chưa gửi gói nào từ khi đăng ký</translation>
    </message>
    <message>
        <source>%1 — last bundle (no. %2) imported on %3, %4 days ago</source>
        <translation>%1 — gói gần nhất (số %2) nhập ngày %3, cách đây %4 ngày</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(quá hạn)</translation>
    </message>
    <message>
        <source>%1 due soon</source>
        <translation>%1 sắp đến hạn</translation>
    </message>
    <message>
        <source>Nothing is due in the coming weeks.</source>
        <translation>Không có việc nào đến hạn trong những tuần tới.</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… và %Ln mục khác: mở trang để xem hết</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Evaluations overdue or due soon that still miss the cadre&apos;s report or the host unit&apos;s evaluation. Open one to record it.</source>
        <translation>Các kỳ đánh giá quá hạn hoặc sắp đến hạn còn thiếu báo cáo của cán bộ hoặc đánh giá của đơn vị tiếp nhận. Mở một dòng để ghi nhận.</translation>
    </message>
    <message>
        <source>Evaluations due</source>
        <translation>Danh sách đánh giá đến hạn</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol the office above</source>
        <translation>Đăng ký đơn vị cấp trên</translation>
    </message>
    <message>
        <source>This identity file is from the office above. Phone its clerk and ask them to read the fingerprint shown on their “Office &amp; keys” page; type it here as you hear it.</source>
        <translation>Tệp định danh này là của đơn vị cấp trên. Hãy gọi điện cho cán bộ phụ trách ở đó, nhờ đọc mã số xác nhận trên trang “Định danh và khóa” của họ và gõ vào đây đúng như nghe được.</translation>
    </message>
    <message>
        <source>Enrol an office below</source>
        <translation>Đăng ký đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>This identity file is from an office below. Phone its clerk and ask them to read the fingerprint shown on their “Office &amp; keys” page; type it here as you hear it.</source>
        <translation>Tệp định danh này là của một đơn vị cấp dưới. Hãy gọi điện cho cán bộ phụ trách ở đó, nhờ đọc mã số xác nhận trên trang “Định danh và khóa” của họ và gõ vào đây đúng như nghe được.</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>&amp;Fingerprint:</source>
        <translation>&amp;Mã số xác nhận:</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>Đăn&amp;g ký</translation>
    </message>
</context>
<context>
    <name>EnrolUnmetDialog</name>
    <message>
        <source>Enrolled</source>
        <translation>Đã ghi danh</translation>
    </message>
    <message>
        <source>On the waiting list</source>
        <translation>Trong danh sách chờ</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Không ghi danh</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>%1 of %2 seats taken</source>
        <translation>%1/%2 chỗ đã có người</translation>
    </message>
    <message>
        <source>%1 enrolled</source>
        <translation>%1 người đã ghi danh</translation>
    </message>
    <message>
        <source>Enrol the people not yet met</source>
        <translation>Ghi danh người chưa đạt chỉ tiêu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people do not yet meet the target “%1”. Choose the class to enrol them into.</source>
        <translation>
            <numerusform>%Ln người chưa đạt chỉ tiêu “%1”. Chọn lớp để ghi danh.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the classes…</source>
        <translation>Đang đọc danh sách lớp…</translation>
    </message>
    <message>
        <source>needed for people outside the programme&apos;s target group</source>
        <translation>cần khi ghi danh người ngoài đối tượng của chương trình</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Lớp:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Lý &amp;do:</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>Đăn&amp;g ký</translation>
    </message>
    <message>
        <source>No class takes people now</source>
        <translation>Hiện không có lớp nào nhận học viên</translation>
    </message>
    <message>
        <source>Open a class in Training first (one that has not ended, is not finished or cancelled).</source>
        <translation>Hãy mở lớp ở trang Lớp bồi dưỡng trước (lớp chưa kết thúc, chưa bế giảng hoặc bị hủy).</translation>
    </message>
    <message>
        <source>Programme: %1.</source>
        <translation>Chương trình: %1.</translation>
    </message>
    <message>
        <source>Completing this class does not count for the target: its programme is not one of the target&apos;s.</source>
        <translation>Hoàn thành lớp này không được tính cho chỉ tiêu: chương trình của lớp không thuộc các chương trình của chỉ tiêu.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Đang ghi danh…</translation>
    </message>
    <message>
        <source>%1 enrolled, %2 on the waiting list, %3 not enrolled.</source>
        <translation>%1 người được ghi danh, %2 người vào danh sách chờ, %3 người không ghi danh được.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>EvaluationsModel</name>
    <message>
        <source>Evaluation</source>
        <translation>Kỳ đánh giá</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Report received</source>
        <translation>Nhận báo cáo</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>Tóm tắt báo cáo</translation>
    </message>
    <message>
        <source>Host rating</source>
        <translation>Cơ sở xếp loại</translation>
    </message>
    <message>
        <source>Host comments</source>
        <translation>Cơ sở nhận xét</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Người đánh giá</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <source>Period %1 – %2</source>
        <translation>Giai đoạn %1 – %2</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file with one person a row.</source>
        <translation>Sổ tính Excel (.xlsx) hoặc tệp CSV, mỗi dòng một người.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Tự nhận biết</translation>
    </message>
    <message>
        <source>None (the file is Unicode)</source>
        <translation>Không (tệp dùng Unicode)</translation>
    </message>
    <message>
        <source>TCVN3 (ABC, .VnTime fonts)</source>
        <translation>TCVN3 (ABC, phông .VnTime)</translation>
    </message>
    <message>
        <source>VNI (VNI-Times fonts)</source>
        <translation>VNI (phông VNI-Times)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Trang tính:</translation>
    </message>
    <message>
        <source>Old Vietnamese encoding:</source>
        <translation>Bảng mã tiếng Việt cũ:</translation>
    </message>
    <message>
        <source>Choose a roster file</source>
        <translation>Chọn tệp danh sách</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>Bảng tính (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>The first sheet with a heading row</source>
        <translation>Trang tính đầu tiên có dòng tiêu đề</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Already imported: nothing changes</source>
        <translation>Đã nhập trước đây: không thay đổi gì</translation>
    </message>
    <message>
        <source>Deletes many records: confirm below</source>
        <translation>Xóa nhiều bản ghi: xác nhận bên dưới</translation>
    </message>
    <message>
        <source>Ready, with warnings</source>
        <translation>Sẵn sàng, có cảnh báo</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
</context>
<context>
    <name>FirstStepsSection</name>
    <message>
        <source>First steps</source>
        <translation>Những bước đầu tiên</translation>
    </message>
    <message>
        <source>Fill in the office profile</source>
        <translation>Điền thông tin đơn vị</translation>
    </message>
    <message>
        <source>The office&apos;s name, its superior, the place, the signer and the document symbol are printed on every list and certificate.</source>
        <translation>Tên cơ quan ban hành, cơ quan cấp trên, địa danh, người ký và ký hiệu văn bản được in lên mọi danh sách, giấy chứng nhận.</translation>
    </message>
    <message>
        <source>Office profile…</source>
        <translation>Thông tin đơn vị…</translation>
    </message>
    <message>
        <source>Add the office&apos;s units</source>
        <translation>Thêm các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>The branches people belong to, in the organisation tree beside the roster. Importing a list can also add the units it names.</source>
        <translation>Các chi đoàn, đoàn cơ sở mà cán bộ, đoàn viên sinh hoạt, trong cây đơn vị bên cạnh danh sách. Khi nhập danh sách, chương trình cũng có thể thêm các đơn vị có trong tệp.</translation>
    </message>
    <message>
        <source>Add a unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <source>Import the list of members from Excel</source>
        <translation>Nhập danh sách đoàn viên từ Excel</translation>
    </message>
    <message>
        <source>A list kept in Excel or exported from another program: the columns are matched for you and checked before anything is saved. Or add people one by one.</source>
        <translation>Danh sách đang giữ trên Excel hoặc xuất từ phần mềm khác: chương trình tự ghép cột và kiểm tra trước khi lưu. Hoặc thêm từng người.</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Nhập danh sách…</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Thêm một người…</translation>
    </message>
    <message>
        <source>Set up the office&apos;s identity</source>
        <translation>Khởi tạo định danh đơn vị</translation>
    </message>
    <message>
        <source>To send the office&apos;s data up to the province, or to receive the data of the offices below.</source>
        <translation>Để gửi dữ liệu của đơn vị lên tỉnh, hoặc nhận dữ liệu của các đơn vị cấp dưới.</translation>
    </message>
    <message>
        <source>Open “Office &amp;&amp; keys”</source>
        <translation>Mở trang “Định danh và khóa”</translation>
    </message>
    <message>
        <source>Read the guide</source>
        <translation>Đọc hướng dẫn</translation>
    </message>
    <message>
        <source>What to do on the first day, task by task. F1 opens the part of the guide for the page you are on.</source>
        <translation>Những việc cần làm trong ngày đầu, theo từng việc. Nhấn F1 ở bất kỳ trang nào để mở đúng phần hướng dẫn cho trang đó.</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
</context>
<context>
    <name>FoundTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate recurring sessions</source>
        <translation>Tạo các buổi học lặp lại</translation>
    </message>
    <message>
        <source>Mornings (07:30–11:30)</source>
        <translation>Buổi sáng (07:30–11:30)</translation>
    </message>
    <message>
        <source>Afternoons (13:30–17:00)</source>
        <translation>Buổi chiều (13:30–17:00)</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Cả hai</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>room, or the link of an online session</source>
        <translation>phòng học, hoặc đường dẫn buổi học trực tuyến</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Vào các thứ:</translation>
    </message>
    <message>
        <source>Part of the day:</source>
        <translation>Buổi:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Chủ đề:</translation>
    </message>
    <message>
        <source>&amp;Lecturer:</source>
        <translation>&amp;Giảng viên:</translation>
    </message>
    <message>
        <source>&amp;Room or link:</source>
        <translation>&amp;Phòng hoặc đường dẫn:</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>User guide — %1</source>
        <translation>Hướng dẫn — %1</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Enrolled</source>
        <translation>Đã ghi danh</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Danh sách chờ</translation>
    </message>
    <message>
        <source>Withdrew</source>
        <translation>Đã rút</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Số GCN</translation>
    </message>
</context>
<context>
    <name>HostEvaluationDialog</name>
    <message>
        <source>Host unit&apos;s evaluation</source>
        <translation>Đánh giá của đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>Evaluated on:</source>
        <translation>Ngày đánh giá:</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Xếp loại:</translation>
    </message>
    <message>
        <source>Comments:</source>
        <translation>Nhận xét:</translation>
    </message>
    <message>
        <source>Evaluator:</source>
        <translation>Người đánh giá:</translation>
    </message>
    <message>
        <source>Choose the rating the host unit gave.</source>
        <translation>Hãy chọn mức xếp loại do đơn vị tiếp nhận đánh giá.</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <source>This office</source>
        <translation>Đơn vị này</translation>
    </message>
    <message>
        <source>Before this office can send its records to the office above, or receive the bundles of the offices below, it needs an identity: its code, its name and a pair of keys locked with a passphrase that only the office knows.</source>
        <translation>Để gửi dữ liệu lên đơn vị cấp trên hoặc nhận gói dữ liệu của các đơn vị cấp dưới, đơn vị cần có định danh: mã, tên và một cặp khóa được bảo vệ bằng mật khẩu chỉ đơn vị mình biết.</translation>
    </message>
    <message>
        <source>This office is the &amp;province: no office above it</source>
        <translation>Đơn vị này là tỉnh, cấp cao nhất: không có cấp t&amp;rên</translation>
    </message>
    <message>
        <source>The top office receives the bundles of the offices below and sends them its lists and plans; it has nothing to send up.</source>
        <translation>Đơn vị cấp cao nhất nhận gói dữ liệu của các đơn vị cấp dưới và gửi xuống cho họ danh mục, kế hoạch của mình; đơn vị này không gửi gì lên.</translation>
    </message>
    <message>
        <source>&amp;Set up the office identity…</source>
        <translation>&amp;Khởi tạo định danh đơn vị…</translation>
    </message>
    <message>
        <source>Office &amp;code:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>Fingerprint of this office&apos;s keys:</source>
        <translation>Mã số xác nhận khóa của đơn vị:</translation>
    </message>
    <message>
        <source>When another office enrols this one, read these six groups of digits to its clerk by phone. Give it the identity file on a USB stick or by e-mail.</source>
        <translation>Khi đơn vị khác đăng ký đơn vị này, hãy đọc sáu nhóm chữ số này qua điện thoại cho cán bộ phụ trách ở đó. Gửi tệp định danh cho họ qua USB hoặc thư điện tử.</translation>
    </message>
    <message>
        <source>Save &amp;identity file…</source>
        <translation>Lưu tệp định &amp;danh…</translation>
    </message>
    <message>
        <source>Make &amp;new keys…</source>
        <translation>Tạo khóa mớ&amp;i…</translation>
    </message>
    <message>
        <source>Keys made on %1</source>
        <translation>Khóa tạo ngày %1</translation>
    </message>
    <message>
        <source>Office identity</source>
        <translation>Định danh đơn vị</translation>
    </message>
    <message>
        <source>Type the office&apos;s code and name first.</source>
        <translation>Hãy nhập mã và tên đơn vị trước.</translation>
    </message>
    <message>
        <source>Office passphrase</source>
        <translation>Mật khẩu đơn vị</translation>
    </message>
    <message>
        <source>Choose the passphrase that will protect this office&apos;s keys. It is asked each time a bundle is sent or received. Type it twice.</source>
        <translation>Chọn mật khẩu bảo vệ khóa của đơn vị. Mật khẩu được hỏi mỗi lần gửi hoặc nhận gói dữ liệu. Nhập hai lần.</translation>
    </message>
    <message>
        <source>Making and locking the keys…</source>
        <translation>Đang tạo và khóa bộ khóa…</translation>
    </message>
    <message>
        <source>Identity of %1 set up</source>
        <translation>Đã khởi tạo định danh của %1</translation>
    </message>
    <message>
        <source>Save identity file</source>
        <translation>Lưu tệp định danh</translation>
    </message>
    <message>
        <source>Cadre Desktop files (*.cadre)</source>
        <translation>Tệp Cadre Desktop (*.cadre)</translation>
    </message>
    <message>
        <source>Identity file saved to %1</source>
        <translation>Đã lưu tệp định danh vào %1</translation>
    </message>
    <message>
        <source>New keys</source>
        <translation>Khóa mới</translation>
    </message>
    <message>
        <source>Make new keys for this office? A key change file is written; send it to the office above and to every office below. Until they import it they cannot read this office&apos;s bundles, nor this office theirs.</source>
        <translation>Tạo khóa mới cho đơn vị? Chương trình sẽ ghi một tệp đổi khóa; hãy gửi tệp đó cho đơn vị cấp trên và mọi đơn vị cấp dưới. Cho đến khi họ nhập tệp này, họ không đọc được gói dữ liệu của đơn vị này và đơn vị này cũng không đọc được gói của họ.</translation>
    </message>
    <message>
        <source>Make new keys</source>
        <translation>Tạo khóa mới</translation>
    </message>
    <message>
        <source>Save the key change file</source>
        <translation>Lưu tệp đổi khóa</translation>
    </message>
    <message>
        <source>Type the office passphrase to sign the key change with the old keys.</source>
        <translation>Nhập mật khẩu đơn vị để ký bản đổi khóa bằng khóa cũ.</translation>
    </message>
    <message>
        <source>The new keys are in use but the key change file was not saved. Ask the office above to revoke the old key and enrol this office again with its new identity file.</source>
        <translation>Khóa mới đã được dùng nhưng tệp đổi khóa chưa được lưu. Hãy đề nghị đơn vị cấp trên thu hồi khóa cũ và đăng ký lại đơn vị này bằng tệp định danh mới.</translation>
    </message>
    <message>
        <source>New keys made; key change file saved to %1</source>
        <translation>Đã tạo khóa mới; tệp đổi khóa được lưu vào %1</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <source>Type the office passphrase to open %Ln bundle(s).</source>
        <translation>
            <numerusform>Nhập mật khẩu đơn vị để mở %Ln gói dữ liệu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Office passphrase</source>
        <translation>Mật khẩu đơn vị</translation>
    </message>
    <message>
        <source>Checking the bundles…</source>
        <translation>Đang kiểm tra các gói dữ liệu…</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <source>Importing the bundles…</source>
        <translation>Đang nhập các gói dữ liệu…</translation>
    </message>
    <message>
        <source>%1: bundle %2 imported</source>
        <translation>%1: đã nhập gói số %2</translation>
    </message>
    <message>
        <source>%1: refused, nothing imported. %2</source>
        <translation>%1: bị từ chối, không nhập gì. %2</translation>
    </message>
    <message>
        <source>Folder for the receipts to send back</source>
        <translation>Thư mục lưu biên nhận để gửi lại</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <source>The receipts were not saved. Select the office on this page and use “Receipt again…” to make one later.</source>
        <translation>Biên nhận chưa được lưu. Sau này hãy chọn đơn vị trên trang này và dùng “Lập lại biên nhận…” để tạo biên nhận.</translation>
    </message>
    <message>
        <source>Receipts saved in %1: %2</source>
        <translation>Đã lưu biên nhận vào %1: %2</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import attendance from %1</source>
        <translation>Nhập điểm danh từ %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln marks read from the accepted rows.</source>
        <translation>
            <numerusform>Đọc được %Ln ô điểm danh từ các dòng hợp lệ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records would change.</source>
        <translation>
            <numerusform>%Ln mục sẽ thay đổi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are rejected (below). Nothing is written unless you choose to import the valid rows only.</source>
        <translation>
            <numerusform>%Ln dòng bị loại (xem bên dưới). Chưa ghi gì, trừ khi bạn chọn chỉ nhập các dòng hợp lệ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Dòng bị loại</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Import the valid rows only</source>
        <translation>Chỉ nhập các dòng hợp lệ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a roster</source>
        <translation>Nhập danh sách</translation>
    </message>
    <message>
        <source>Choose a file first</source>
        <translation>Hãy chọn tệp trước</translation>
    </message>
    <message>
        <source>%1 - rejected rows.xlsx</source>
        <translation>%1 - dòng bị loại.xlsx</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Lưu các dòng bị loại</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rejected rows saved in %2.</source>
        <translation>Đã lưu %1 dòng bị loại vào %2.</translation>
    </message>
    <message>
        <source>Saving the rejected rows…</source>
        <translation>Đang lưu các dòng bị loại…</translation>
    </message>
    <message>
        <source>ID (Mã)</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Family and middle name</source>
        <translation>Họ và tên đệm</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Birth year (men)</source>
        <translation>Năm sinh (Nam)</translation>
    </message>
    <message>
        <source>Birth year (women)</source>
        <translation>Năm sinh (Nữ)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Citizen ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi đoàn</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Working status</source>
        <translation>Chế độ công tác</translation>
    </message>
    <message>
        <source>Permanent staff</source>
        <translation>Biên chế</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>Đảng</translation>
    </message>
    <message>
        <source>Planned position</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Discipline until</source>
        <translation>Kỷ luật đến</translation>
    </message>
    <message>
        <source>Not sent on rotation until</source>
        <translation>Tạm hoãn cử đi cơ sở đến</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Joined the Union on</source>
        <translation>Ngày vào Đoàn</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>Lý luận chính trị</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Row number (ignored)</source>
        <translation>STT (bỏ qua)</translation>
    </message>
    <message>
        <source>Rating %1</source>
        <translation>Xếp loại %1</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Thay đổi: %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason or warning</source>
        <translation>Lý do / cảnh báo</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không thay đổi</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị loại</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <source>Sheet row</source>
        <translation>Dòng trong bảng</translation>
    </message>
</context>
<context>
    <name>LecturerField</name>
    <message>
        <source>an outside lecturer&apos;s name, or choose from the roster</source>
        <translation>tên giảng viên bên ngoài, hoặc chọn từ danh sách</translation>
    </message>
    <message>
        <source>From roster…</source>
        <translation>Chọn từ danh sách…</translation>
    </message>
    <message>
        <source>Choose the lecturer</source>
        <translation>Chọn giảng viên</translation>
    </message>
    <message>
        <source>(in the roster)</source>
        <translation>(có trong danh sách)</translation>
    </message>
</context>
<context>
    <name>ListFiles</name>
    <message>
        <source>Print the &amp;list…</source>
        <translation>In danh &amp;sách…</translation>
    </message>
    <message>
        <source>Print the list as it is shown, through the print preview (Ctrl+P)</source>
        <translation>In danh sách đúng như đang hiển thị, qua màn hình xem trước khi in (Ctrl+P)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>Xuất ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Save the list as it is shown as an Excel workbook (.xlsx)</source>
        <translation>Lưu danh sách đúng như đang hiển thị thành sổ tính Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Nothing to print: the list is empty.</source>
        <translation>Không có gì để in: danh sách đang trống.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln rows saved to %2</source>
        <translation>
            <numerusform>%1: đã lưu %Ln dòng vào %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListsEditor</name>
    <message>
        <source>Lists</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Working status</source>
        <translation>Chế độ công tác</translation>
    </message>
    <message>
        <source>Party status</source>
        <translation>Đảng</translation>
    </message>
    <message>
        <source>Political theory levels</source>
        <translation>Trình độ lý luận chính trị</translation>
    </message>
    <message>
        <source>Education levels</source>
        <translation>Trình độ học vấn</translation>
    </message>
    <message>
        <source>Unit levels</source>
        <translation>Cấp đơn vị</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Đổ&amp;i tên…</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Ẩ&amp;n</translation>
    </message>
    <message>
        <source>No longer offered for new entries; people who have it keep it</source>
        <translation>Không cho chọn khi nhập mới; người đang có mục này vẫn giữ nguyên</translation>
    </message>
    <message>
        <source>Issued by %1</source>
        <translation>Do %1 ban hành</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Thêm vào danh mục</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Đã thêm %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <source>Renamed to %1</source>
        <translation>Đã đổi tên thành %1</translation>
    </message>
    <message>
        <source>Hid %1</source>
        <translation>Đã ẩn %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Start</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Lớp bồi dưỡng</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation>Cử cán bộ đi cơ sở</translation>
    </message>
    <message>
        <source>Member programme</source>
        <translation>Rèn luyện đoàn viên</translation>
    </message>
    <message>
        <source>Send to the province</source>
        <translation>Gửi lên tỉnh</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>Offices&apos; figures</source>
        <translation>Tổng hợp đơn vị</translation>
    </message>
    <message>
        <source>Office &amp; keys</source>
        <translation>Định danh và khóa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Cán bộ, đoàn viên</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Backups and restore…</source>
        <translation>Sao lưu và &amp;khôi phục…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About Cadre Desktop</source>
        <translation>&amp;Giới thiệu Cadre Desktop</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Hoàn tác: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Không có thao tác để hoàn tác</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Đã hoàn tác: %1</translation>
    </message>
    <message>
        <source>The language will change the next time you start Cadre Desktop.</source>
        <translation>Ngôn ngữ mới sẽ được dùng từ lần mở Cadre Desktop tiếp theo.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>About Cadre Desktop</source>
        <translation>Giới thiệu Cadre Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cadre Desktop&lt;/b&gt; %1&lt;br&gt;Roster, training and reporting for Youth Union offices. Works offline; your data stays on this computer.</source>
        <translation>&lt;b&gt;Cadre Desktop&lt;/b&gt; %1&lt;br&gt;Quản lý cán bộ, đoàn viên, bồi dưỡng và báo cáo cho cơ quan Đoàn. Chạy không cần mạng; dữ liệu chỉ lưu trên máy tính này.</translation>
    </message>
    <message>
        <source>No automatic backup: %1</source>
        <translation>Không sao lưu tự động được: %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Backups and restore</source>
        <translation>Sao lưu và khôi phục</translation>
    </message>
    <message>
        <source>Wait until the work under way has finished, then restore.</source>
        <translation>Hãy chờ công việc đang chạy xong rồi khôi phục.</translation>
    </message>
    <message>
        <source>Backup restored. The data as it was before is kept in %1</source>
        <translation>Đã khôi phục bản sao lưu. Dữ liệu trước khi khôi phục được giữ trong %1</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Work is still under way. Stop it and quit? What it has not finished is not saved.</source>
        <translation>Công việc vẫn đang chạy. Dừng lại và thoát? Phần chưa xong sẽ không được lưu.</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Dừng và thoát</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>Kiểm tra các cột</translation>
    </message>
    <message>
        <source>Columns in yellow were not recognised: choose what they hold, or leave them out.</source>
        <translation>Các cột tô vàng chưa nhận ra được: hãy chọn nội dung của cột, hoặc bỏ qua cột đó.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Heading in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Đọc là</translation>
    </message>
    <message>
        <source>Record ID (Mã)</source>
        <translation>Mã hồ sơ (cột Mã)</translation>
    </message>
    <message>
        <source>Citizen ID number (Số CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Match people already in the roster by:</source>
        <translation>Nhận ra người đã có trong danh sách theo:</translation>
    </message>
    <message>
        <source>Choose a file first</source>
        <translation>Hãy chọn tệp trước</translation>
    </message>
    <message>
        <source>sheet “%1”, </source>
        <translation>trang tính “%1”, </translation>
    </message>
    <message>
        <source>Headings found in %1row %2.</source>
        <translation>Tìm thấy dòng tiêu đề ở %1dòng %2.</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Không nhận ra</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <source>A row updates the person with its Mã or, without one, the person holding its Số CCCD; other rows add new people.</source>
        <translation>Một dòng cập nhật người có Mã của dòng đó, nếu không có Mã thì cập nhật người có Số CCCD đó; các dòng khác được thêm thành người mới.</translation>
    </message>
    <message>
        <source>A row with a Mã updates that person; rows without one add new people.</source>
        <translation>Dòng có Mã cập nhật người có Mã đó; dòng không có Mã được thêm thành người mới.</translation>
    </message>
</context>
<context>
    <name>MemberProgramme</name>
    <message>
        <source>Not registered</source>
        <translation>Chưa đăng ký</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Đang soạn</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Chờ chi đoàn duyệt</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Trả lại để sửa</translation>
    </message>
</context>
<context>
    <name>MemberProgrammePage</name>
    <message>
        <source>&amp;New year…</source>
        <translation>Mở &amp;năm mới…</translation>
    </message>
    <message>
        <source>Programme year:</source>
        <translation>Năm rèn luyện:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Chi đoàn:</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Phiếu đăng ký</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Chấm điểm</translation>
    </message>
    <message>
        <source>No programme year yet: start one with New year.</source>
        <translation>Chưa có năm rèn luyện nào: hãy bắt đầu bằng nút Mở năm mới.</translation>
    </message>
    <message>
        <source>Register by %1 · evaluate by %2 · ratings for %3</source>
        <translation>Đăng ký trước %1 · tự đánh giá trước %2 · xếp loại năm %3</translation>
    </message>
    <message>
        <source>Scores not saved</source>
        <translation>Điểm chưa được lưu</translation>
    </message>
    <message>
        <source>The scores typed for this branch are not saved. Discard them?</source>
        <translation>Điểm vừa nhập cho chi đoàn này chưa được lưu. Bỏ các điểm đó?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Approved the registration of %1</source>
        <translation>Đã duyệt phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Returned the registration of %1</source>
        <translation>Đã trả lại phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Recorded the self-evaluation of %1</source>
        <translation>Đã ghi bản tự đánh giá của %1</translation>
    </message>
    <message>
        <source>Opened the programme year %1</source>
        <translation>Đã mở năm rèn luyện %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln yearly ratings</source>
        <translation>
            <numerusform>Đã ghi %Ln xếp loại năm</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply as yearly ratings</source>
        <translation>Chuyển thành xếp loại năm</translation>
    </message>
    <message>
        <source>Working out the ratings…</source>
        <translation>Đang tính xếp loại từ điểm…</translation>
    </message>
    <message>
        <source>Nothing to print: nobody in this branch has registered for the year.</source>
        <translation>Không có gì để in: chưa ai trong chi đoàn đăng ký rèn luyện năm này.</translation>
    </message>
    <message>
        <source>Print branch results</source>
        <translation>In kết quả chi đoàn</translation>
    </message>
    <message>
        <source>The scores typed for this branch are not saved. Save them first: the list shows what is saved.</source>
        <translation>Điểm vừa nhập cho chi đoàn này chưa được lưu. Hãy lưu trước: bản in chỉ có những gì đã lưu.</translation>
    </message>
    <message>
        <source>Branch results</source>
        <translation>Kết quả chi đoàn</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Yes</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>amount in đồng</source>
        <translation>số tiền</translation>
    </message>
</context>
<context>
    <name>NewClassDialog</name>
    <message>
        <source>New class</source>
        <translation>Thêm lớp</translation>
    </message>
</context>
<context>
    <name>NewUnitsPanel</name>
    <message>
        <source>Unit in the file</source>
        <translation>Đơn vị trong tệp</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Dòng đầu tiên</translation>
    </message>
    <message>
        <source>Nearest existing units</source>
        <translation>Đơn vị đã có gần giống</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Nhập vào</translation>
    </message>
    <message>
        <source>Create the units not yet chosen as new units</source>
        <translation>Tạo mới các đơn vị chưa chọn</translation>
    </message>
    <message>
        <source>The file names units that are not in the roster. For each, choose the existing unit it means, or confirm it as a new unit.</source>
        <translation>Tệp có những đơn vị chưa có trong danh sách. Với mỗi đơn vị, hãy chọn đơn vị đã có mà tệp muốn nói tới, hoặc xác nhận tạo đơn vị mới.</translation>
    </message>
    <message>
        <source>%1: the file names it only above other new units; choose for those.</source>
        <translation>%1: tệp chỉ ghi đơn vị này làm cấp trên của các đơn vị mới khác; hãy chọn cho các đơn vị đó.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>A new unit “%1”</source>
        <translation>Đơn vị mới “%1”</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>New programme year</source>
        <translation>Mở năm rèn luyện mới</translation>
    </message>
    <message>
        <source>Members register their criteria by the first deadline and evaluate themselves by the second. The results become the yearly ratings of the rating year.</source>
        <translation>Đoàn viên đăng ký tiêu chí rèn luyện trước hạn thứ nhất và tự đánh giá trước hạn thứ hai. Kết quả được dùng để xếp loại đoàn viên của năm xếp loại.</translation>
    </message>
    <message>
        <source>Starts in:</source>
        <translation>Bắt đầu năm:</translation>
    </message>
    <message>
        <source>Register by:</source>
        <translation>Hạn đăng ký:</translation>
    </message>
    <message>
        <source>Evaluate by:</source>
        <translation>Hạn tự đánh giá:</translation>
    </message>
    <message>
        <source>Rating year:</source>
        <translation>Năm xếp loại:</translation>
    </message>
</context>
<context>
    <name>NotEnrolledDialog</name>
    <message>
        <source>Not enrolled</source>
        <translation>Không ghi danh được</translation>
    </message>
    <message numerus="yes">
        <source>Enrolled %Ln</source>
        <translation>
            <numerusform>Đã ghi danh %Ln người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln người trong danh sách chờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people of the target group were not enrolled:</source>
        <translation>
            <numerusform>%Ln người thuộc đối tượng không ghi danh được:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotEnrolledTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Not enrolled because</source>
        <translation>Lý do không ghi danh được</translation>
    </message>
</context>
<context>
    <name>OfficeFilter</name>
    <message>
        <source>Show the people of every office, or of one office (with the offices below it)</source>
        <translation>Xem người của mọi đơn vị, hoặc của một đơn vị (kèm các đơn vị cấp dưới của đơn vị đó)</translation>
    </message>
    <message>
        <source>Every office</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <source>%1 (this office only)</source>
        <translation>%1 (chỉ riêng đơn vị này)</translation>
    </message>
</context>
<context>
    <name>OfficeKeysPage</name>
    <message>
        <source>Office identity and keys</source>
        <translation>Định danh và khóa của đơn vị</translation>
    </message>
    <message>
        <source>Trusted offices</source>
        <translation>Đơn vị đã đăng ký</translation>
    </message>
    <message>
        <source>An office is trusted once its identity file is imported here and the fingerprint its clerk reads out by phone matches. Bundles and receipts are accepted only from trusted offices.</source>
        <translation>Một đơn vị được tin cậy khi tệp định danh của đơn vị đó đã được nhập ở đây và mã số xác nhận do cán bộ phụ trách đọc qua điện thoại khớp. Chỉ nhận gói dữ liệu và biên nhận từ các đơn vị được tin cậy.</translation>
    </message>
    <message>
        <source>Enrol an office &amp;below…</source>
        <translation>Đăng ký đơn vị cấp &amp;dưới…</translation>
    </message>
    <message>
        <source>Enrol the office &amp;above…</source>
        <translation>Đăng ký đơn vị cấp &amp;trên…</translation>
    </message>
    <message>
        <source>Import a &amp;key change…</source>
        <translation>Nhập tệp đổi &amp;khóa…</translation>
    </message>
    <message>
        <source>&amp;Revoke key…</source>
        <translation>Th&amp;u hồi khóa…</translation>
    </message>
    <message>
        <source>Cadre Desktop files (*.cadre);;All files (*)</source>
        <translation>Tệp Cadre Desktop (*.cadre);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>This file is far too large to be an identity file or a key change.</source>
        <translation>Tệp này quá lớn, không thể là tệp định danh hoặc tệp đổi khóa.</translation>
    </message>
    <message>
        <source>Enrol the office above</source>
        <translation>Đăng ký đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Enrol an office below</source>
        <translation>Đăng ký đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>%1 was already enrolled</source>
        <translation>%1 đã được đăng ký trước đây</translation>
    </message>
    <message>
        <source>%1 enrolled</source>
        <translation>Đã đăng ký %1</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <source>Import a key change</source>
        <translation>Nhập tệp đổi khóa</translation>
    </message>
    <message>
        <source>New key of %1 accepted</source>
        <translation>Đã nhận khóa mới của %1</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Thu hồi khóa</translation>
    </message>
    <message>
        <source>Revoke the key of %1? Its bundles and receipts will be refused until it is enrolled again with a new identity file.

Reason (for example: computer lost):</source>
        <translation>Thu hồi khóa của %1? Gói dữ liệu và biên nhận của đơn vị này sẽ bị từ chối cho đến khi đơn vị được đăng ký lại bằng tệp định danh mới.

Lý do (ví dụ: mất máy tính):</translation>
    </message>
    <message>
        <source>Key of %1 revoked</source>
        <translation>Đã thu hồi khóa của %1</translation>
    </message>
</context>
<context>
    <name>Offices</name>
    <message>
        <source>This office</source>
        <translation>Đơn vị này</translation>
    </message>
    <message>
        <source>Office above</source>
        <translation>Cấp trên</translation>
    </message>
    <message>
        <source>Office below</source>
        <translation>Cấp dưới</translation>
    </message>
    <message>
        <source>Below an office below</source>
        <translation>Cấp dưới của cấp dưới</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Tin cậy</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Đã thay</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>Changes since bundle %1</source>
        <translation>Phần thay đổi từ gói số %1</translation>
    </message>
    <message>
        <source>Lists and plans sent down</source>
        <translation>Danh mục và kế hoạch gửi xuống</translation>
    </message>
    <message>
        <source>Every record (full)</source>
        <translation>Toàn bộ dữ liệu</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Toàn bộ</translation>
    </message>
    <message>
        <source>Sent down</source>
        <translation>Gửi xuống</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Định danh đơn vị</translation>
    </message>
    <message>
        <source>List entries</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Rating scales</source>
        <translation>Thang xếp loại</translation>
    </message>
    <message>
        <source>Rating levels</source>
        <translation>Mức xếp loại</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Cây đơn vị</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cán bộ, đoàn viên</translation>
    </message>
    <message>
        <source>Positions held</source>
        <translation>Chức vụ đảm nhiệm</translation>
    </message>
    <message>
        <source>Succession planning</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Yearly ratings</source>
        <translation>Xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Training programmes</source>
        <translation>Chương trình bồi dưỡng</translation>
    </message>
    <message>
        <source>Training classes</source>
        <translation>Lớp bồi dưỡng</translation>
    </message>
    <message>
        <source>Class sessions</source>
        <translation>Buổi học</translation>
    </message>
    <message>
        <source>Class participants</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <source>Attendance marks</source>
        <translation>Ký hiệu điểm danh</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Rule settings</source>
        <translation>Thiết lập quy định</translation>
    </message>
    <message>
        <source>Rotation plans</source>
        <translation>Kế hoạch cử cán bộ đi cơ sở</translation>
    </message>
    <message>
        <source>Rotations</source>
        <translation>Đợt đi cơ sở</translation>
    </message>
    <message>
        <source>Rotation exceptions</source>
        <translation>Ngoại lệ khi cử đi cơ sở</translation>
    </message>
    <message>
        <source>Rotation decisions</source>
        <translation>Quyết định gia hạn, kết thúc sớm</translation>
    </message>
    <message>
        <source>Rotation evaluations</source>
        <translation>Đánh giá đợt đi cơ sở</translation>
    </message>
    <message>
        <source>Member programme years</source>
        <translation>Năm rèn luyện</translation>
    </message>
    <message>
        <source>Member programme criteria</source>
        <translation>Thư viện tiêu chí rèn luyện</translation>
    </message>
    <message>
        <source>Member registrations</source>
        <translation>Phiếu đăng ký rèn luyện</translation>
    </message>
    <message>
        <source>Registered criteria</source>
        <translation>Tiêu chí đã đăng ký</translation>
    </message>
    <message>
        <source>Self-evaluations</source>
        <translation>Bản tự đánh giá</translation>
    </message>
</context>
<context>
    <name>OfficesModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Mã: %1</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Mã số xác nhận</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Bundle made on</source>
        <translation>Ngày tạo gói</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Overdue: no bundle since it was enrolled</source>
        <translation>Quá hạn: chưa gửi gói nào từ khi đăng ký</translation>
    </message>
    <message>
        <source>Overdue: last bundle %1 days ago</source>
        <translation>Quá hạn: gói gần nhất cách đây %1 ngày</translation>
    </message>
    <message>
        <source>No bundle yet</source>
        <translation>Chưa có gói</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Đúng hạn</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <source>Offices</source>
        <translation>Đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>No office below this one is enrolled yet. To receive the bundles of an office below, enrol it on the “Office &amp; keys” page with its identity file and the fingerprint its clerk reads to you by phone.</source>
        <translation>Chưa đăng ký đơn vị cấp dưới nào. Để nhận gói dữ liệu của một đơn vị cấp dưới, hãy đăng ký đơn vị đó ở trang “Định danh và khóa” bằng tệp định danh và mã số xác nhận do cán bộ phụ trách ở đó đọc qua điện thoại.</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <source>Receipt &amp;again…</source>
        <translation>&amp;Lập lại biên nhận…</translation>
    </message>
    <message>
        <source>Open “Office &amp;&amp; keys”</source>
        <translation>Mở trang “Định danh và khóa”</translation>
    </message>
    <message>
        <source>Send lists and plans &amp;down…</source>
        <translation>Gửi &amp;danh mục và kế hoạch xuống…</translation>
    </message>
    <message>
        <source>Import a re&amp;ceipt…</source>
        <translation>Nhập &amp;biên nhận…</translation>
    </message>
    <message>
        <source>The receipt an office below sends back for the lists and plans it received</source>
        <translation>Biên nhận đơn vị cấp dưới gửi lại khi đã nhận danh mục và kế hoạch</translation>
    </message>
    <message>
        <source>The lists and plans %1 sends down are imported here with “Import bundles…”; they are then shown as issued by %1, and only %1 changes them.</source>
        <translation>Danh mục và kế hoạch %1 gửi xuống được nhập tại đây bằng “Nhập gói dữ liệu…”; sau đó chúng hiện là do %1 ban hành và chỉ %1 sửa được.</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
    <message>
        <source>Send %1 the lists, programmes and plans this office issues</source>
        <translation>Gửi cho %1 danh mục, chương trình và kế hoạch do đơn vị này ban hành</translation>
    </message>
    <message>
        <source>Select an office below (with a trusted key) first</source>
        <translation>Hãy chọn trước một đơn vị cấp dưới (có khóa tin cậy)</translation>
    </message>
    <message>
        <source>No lists or plans sent to %1 yet.</source>
        <translation>Chưa gửi danh mục, kế hoạch nào cho %1.</translation>
    </message>
    <message>
        <source>Lists and plans last sent to %1: bundle %2 of %3, received on %4.</source>
        <translation>Lần gửi danh mục, kế hoạch gần nhất cho %1: gói số %2 ngày %3, đã nhận ngày %4.</translation>
    </message>
    <message>
        <source>Lists and plans last sent to %1: bundle %2 of %3, no receipt yet.</source>
        <translation>Lần gửi danh mục, kế hoạch gần nhất cho %1: gói số %2 ngày %3, chưa có biên nhận.</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <source>Cadre Desktop bundles (*.cadre);;All files (*)</source>
        <translation>Gói dữ liệu Cadre Desktop (*.cadre);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Receipt again</source>
        <translation>Lập lại biên nhận</translation>
    </message>
    <message>
        <source>Office passphrase</source>
        <translation>Mật khẩu đơn vị</translation>
    </message>
    <message>
        <source>Type the office passphrase to sign the receipt for %1.</source>
        <translation>Nhập mật khẩu đơn vị để ký biên nhận gửi %1.</translation>
    </message>
    <message>
        <source>Cadre Desktop files (*.cadre)</source>
        <translation>Tệp Cadre Desktop (*.cadre)</translation>
    </message>
    <message>
        <source>Signing the receipt…</source>
        <translation>Đang ký biên nhận…</translation>
    </message>
    <message>
        <source>Receipt saved to %1</source>
        <translation>Đã lưu biên nhận vào %1</translation>
    </message>
    <message>
        <source>Send lists and plans down</source>
        <translation>Gửi danh mục và kế hoạch xuống</translation>
    </message>
    <message>
        <source>Folder or USB stick for the bundle to %1</source>
        <translation>Thư mục hoặc USB để lưu gói gửi %1</translation>
    </message>
    <message>
        <source>Type the office passphrase to sign the bundle %1.</source>
        <translation>Nhập mật khẩu đơn vị để ký gói %1.</translation>
    </message>
    <message>
        <source>Making the bundle…</source>
        <translation>Đang tạo gói dữ liệu…</translation>
    </message>
    <message>
        <source>Lists and plans for %1 saved as %2 (%3)</source>
        <translation>Đã lưu danh mục và kế hoạch gửi %1 thành %2 (%3)</translation>
    </message>
</context>
<context>
    <name>OnScreen</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>Đang hủy… dữ liệu sẽ không thay đổi.</translation>
    </message>
</context>
<context>
    <name>OverrideBox</name>
    <message>
        <source>e.g. 25-QĐ/TĐTN</source>
        <translation>vd. 25-QĐ/TĐTN</translation>
    </message>
    <message>
        <source>Decision no.:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>Ngày quyết định:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>To send anyway, record the Standing Committee&apos;s decision:</source>
        <translation>Để vẫn cử đi, hãy ghi quyết định của Ban Thường vụ:</translation>
    </message>
</context>
<context>
    <name>PageHelp</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn</translation>
    </message>
    <message>
        <source>&amp;Help on this page</source>
        <translation>Hướng dẫn cho &amp;trang này</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>&amp;Enrol…</source>
        <translation>&amp;Ghi danh…</translation>
    </message>
    <message>
        <source>Enrol a unit&apos;s &amp;target group…</source>
        <translation>Ghi danh theo đối &amp;tượng…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Rút khỏi lớp…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Bỏ ghi danh</translation>
    </message>
    <message>
        <source>Take out an enrolment entered by mistake (a real withdrawal is kept with its reason)</source>
        <translation>Bỏ một lượt ghi danh nhập nhầm (người thật sự rút khỏi lớp thì dùng Rút khỏi lớp để giữ lại lý do)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Danh sách học viên</translation>
    </message>
    <message>
        <source>Print the class&apos;s enrolments (enrolled, waiting and withdrawn) through the print preview (Ctrl+P)</source>
        <translation>In toàn bộ danh sách ghi danh của lớp (chính thức, chờ và đã rút) qua màn hình xem trước khi in (Ctrl+P)</translation>
    </message>
    <message>
        <source>Attended %1 of %2 sessions held, under the minimum</source>
        <translation>Dự %1/%2 buổi đã học, dưới mức tối thiểu</translation>
    </message>
    <message>
        <source>Enrolled (%1)</source>
        <translation>Đã ghi danh (%1)</translation>
    </message>
    <message>
        <source>Waiting list (%1)</source>
        <translation>Danh sách chờ (%1)</translation>
    </message>
    <message>
        <source>Withdrawn (%1)</source>
        <translation>Đã rút (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln participants are under the programme&apos;s minimum attendance so far (highlighted).</source>
        <translation>
            <numerusform>%Ln học viên đang dưới tỷ lệ dự học tối thiểu của chương trình (tô màu).</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdrew on %1: %2</source>
        <translation>Rút ngày %1: %2</translation>
    </message>
    <message>
        <source>No. %1 on the waiting list, since %2</source>
        <translation>Thứ tự %1 trong danh sách chờ, từ ngày %2</translation>
    </message>
    <message>
        <source>Outside the target group: %1</source>
        <translation>Ngoài đối tượng: %1</translation>
    </message>
    <message>
        <source>already in this class</source>
        <translation>đã có trong lớp</translation>
    </message>
    <message>
        <source>outside the target group</source>
        <translation>ngoài đối tượng</translation>
    </message>
    <message>
        <source>Enrol people in %1</source>
        <translation>Ghi danh vào lớp %1</translation>
    </message>
    <message>
        <source>Outside the target group</source>
        <translation>Ngoài đối tượng</translation>
    </message>
    <message>
        <source>%1 not in the target group of this programme. Why are they enrolled?</source>
        <translation>%1 không thuộc đối tượng của chương trình này. Vì sao vẫn ghi danh?</translation>
    </message>
    <message>
        <source>Enrol the target group</source>
        <translation>Ghi danh đối tượng</translation>
    </message>
    <message>
        <source>Enrolling the target group…</source>
        <translation>Đang ghi danh đối tượng…</translation>
    </message>
    <message>
        <source>Enrolment cancelled: nobody was enrolled.</source>
        <translation>Đã hủy ghi danh: không ai được ghi danh.</translation>
    </message>
    <message numerus="yes">
        <source>Enrolled %Ln</source>
        <translation>
            <numerusform>Đã ghi danh %Ln người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln on the waiting list</source>
        <translation>
            <numerusform>%Ln người trong danh sách chờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the class</source>
        <translation>
            <numerusform>%Ln người đã có trong lớp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not enrolled</source>
        <translation>
            <numerusform>%Ln người không ghi danh được</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút khỏi lớp</translation>
    </message>
    <message>
        <source>Why does %1 leave the class?</source>
        <translation>Vì sao %1 rút khỏi lớp?</translation>
    </message>
    <message>
        <source>%1 withdrew.</source>
        <translation>%1 đã rút khỏi lớp.</translation>
    </message>
    <message>
        <source>Moved up from the waiting list: %1</source>
        <translation>Chuyển từ danh sách chờ vào lớp: %1</translation>
    </message>
    <message>
        <source>Removed %1. Press Ctrl+Z to undo.</source>
        <translation>Đã bỏ ghi danh %1. Nhấn Ctrl+Z để hoàn tác.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>Type the office passphrase.</source>
        <translation>Hãy nhập mật khẩu đơn vị.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Mật khẩu cần ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>PdfMaker</name>
    <message>
        <source>Making the document…</source>
        <translation>Đang tạo văn bản…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message numerus="yes">
        <source>%1 ready (%Ln pages)</source>
        <translation>
            <numerusform>%1 đã sẵn sàng (%Ln trang)</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln page(s) sent to the printer</source>
        <translation>
            <numerusform>%1: đã gửi %Ln trang tới máy in</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Đã hủy in</translation>
    </message>
    <message>
        <source>Cannot make the document</source>
        <translation>Không tạo được văn bản</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>New person</source>
        <translation>Thêm cán bộ, đoàn viên</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1 (chỉ xem)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, mm/yyyy or yyyy</source>
        <translation>dd/mm/yyyy, mm/yyyy hoặc yyyy</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>term, e.g. 2025–2030</source>
        <translation>vd. 2025–2030</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(chưa có đơn vị)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <source>&amp;Family and middle name:</source>
        <translation>&amp;Họ và tên đệm:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>G&amp;ender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>Et&amp;hnicity:</source>
        <translation>&amp;Dân tộc:</translation>
    </message>
    <message>
        <source>&amp;Citizen ID:</source>
        <translation>Số &amp;CCCD:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>Political t&amp;heory:</source>
        <translation>&amp;Lý luận chính trị:</translation>
    </message>
    <message>
        <source>Ed&amp;ucation:</source>
        <translation>T&amp;rình độ:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Gh&amp;i chú:</translation>
    </message>
    <message>
        <source>Youth Union</source>
        <translation>Công tác Đoàn</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>Đơ&amp;n vị:</translation>
    </message>
    <message>
        <source>&amp;Joined on:</source>
        <translation>Ngà&amp;y vào Đoàn:</translation>
    </message>
    <message>
        <source>Current p&amp;osition:</source>
        <translation>Chức &amp;vụ hiện tại:</translation>
    </message>
    <message>
        <source>&amp;Working status:</source>
        <translation>Chế độ công tác:</translation>
    </message>
    <message>
        <source>Pe&amp;rmanent staff:</source>
        <translation>&amp;Biên chế:</translation>
    </message>
    <message>
        <source>P&amp;arty:</source>
        <translation>Đảng:</translation>
    </message>
    <message>
        <source>P&amp;lanned for:</source>
        <translation>&amp;Quy hoạch:</translation>
    </message>
    <message>
        <source>Disc&amp;ipline until:</source>
        <translation>&amp;Kỷ luật đến:</translation>
    </message>
    <message>
        <source>No rotation &amp;until:</source>
        <translation>Tạ&amp;m hoãn cử đi cơ sở đến:</translation>
    </message>
    <message>
        <source>Ratings:</source>
        <translation>Xếp loại:</translation>
    </message>
    <message>
        <source>I have checked these warnings; save anyway</source>
        <translation>Tôi đã kiểm tra các cảnh báo này; vẫn lưu</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>Người này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Sửa thông tin %1</translation>
    </message>
    <message>
        <source>Each year can have only one rating: %1</source>
        <translation>Mỗi năm chỉ có một xếp loại: %1</translation>
    </message>
    <message>
        <source>Another person already has this citizen ID: %1</source>
        <translation>Số CCCD này đã có ở người khác: %1</translation>
    </message>
</context>
<context>
    <name>PersonSearchDialog</name>
    <message>
        <source>Search by name, citizen ID or phone</source>
        <translation>Tìm theo họ tên, số CCCD hoặc điện thoại</translation>
    </message>
    <message>
        <source>Hold Ctrl or Shift to choose several people.</source>
        <translation>Giữ Ctrl hoặc Shift để chọn nhiều người.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Showing the first %1 people; type more of the name.</source>
        <translation>Đang hiện %1 người đầu tiên; hãy gõ thêm họ tên.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people found</source>
        <translation>
            <numerusform>Tìm thấy %Ln người</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>New p&amp;lan…</source>
        <translation>&amp;Lập kế hoạch mới…</translation>
    </message>
    <message>
        <source>Edit pla&amp;n…</source>
        <translation>Sử&amp;a kế hoạch…</translation>
    </message>
    <message>
        <source>New tar&amp;get…</source>
        <translation>Thê&amp;m chỉ tiêu…</translation>
    </message>
    <message>
        <source>Ed&amp;it target…</source>
        <translation>Sửa chỉ tiê&amp;u…</translation>
    </message>
    <message>
        <source>Remo&amp;ve target</source>
        <translation>Xóa c&amp;hỉ tiêu</translation>
    </message>
    <message>
        <source>Plan added: %1</source>
        <translation>Đã lập kế hoạch: %1</translation>
    </message>
    <message>
        <source>Plan saved: %1</source>
        <translation>Đã lưu kế hoạch: %1</translation>
    </message>
    <message>
        <source>Target saved: %1</source>
        <translation>Đã lưu chỉ tiêu: %1</translation>
    </message>
    <message>
        <source>Target added: %1</source>
        <translation>Đã thêm chỉ tiêu: %1</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>Xóa chỉ tiêu</translation>
    </message>
    <message>
        <source>Remove the target “%1” from the plan? Edit → Undo brings it back.</source>
        <translation>Xóa chỉ tiêu “%1” khỏi kế hoạch? Sửa → Hoàn tác sẽ khôi phục lại.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Target removed: %1 (Edit → Undo brings it back)</source>
        <translation>Đã xóa chỉ tiêu: %1 (Sửa → Hoàn tác để khôi phục)</translation>
    </message>
</context>
<context>
    <name>PlanBudget</name>
    <message>
        <source>note (the yearly plan&apos;s number, …)</source>
        <translation>ghi chú (số kế hoạch năm, …)</translation>
    </message>
    <message>
        <source>&amp;Set the estimate</source>
        <translation>&amp;Ghi dự toán</translation>
    </message>
    <message>
        <source>No plan chosen.</source>
        <translation>Chưa chọn kế hoạch.</translation>
    </message>
    <message>
        <source>Yearly estimates of the plan: %1. Classes&apos; estimates: %2. Spent: %3 (%4 of the yearly estimates).</source>
        <translation>Dự toán các năm của kế hoạch: %1. Dự toán của các lớp: %2. Đã thực hiện: %3 (%4 dự toán năm).</translation>
    </message>
    <message>
        <source>Estimate for %1:</source>
        <translation>Dự toán năm %1:</translation>
    </message>
    <message>
        <source>Estimate:</source>
        <translation>Dự toán:</translation>
    </message>
    <message>
        <source>Estimate for %1 set to %2</source>
        <translation>Dự toán năm %1: %2</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Budget estimate</source>
        <translation>Dự toán kinh phí</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Edit plan</source>
        <translation>Sửa kế hoạch</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Lập kế hoạch mới</translation>
    </message>
    <message>
        <source>e.g. 15-KH/ĐTN</source>
        <translation>ví dụ 15-KH/ĐTN</translation>
    </message>
    <message>
        <source>e.g. Ban Thường vụ Đoàn phường</source>
        <translation>ví dụ Ban Thường vụ Đoàn phường</translation>
    </message>
    <message>
        <source>note (the yearly plan&apos;s number, …)</source>
        <translation>ghi chú (số kế hoạch năm, …)</translation>
    </message>
    <message>
        <source>Se&amp;t for the year</source>
        <translation>Ghi cho &amp;năm</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Issued by:</source>
        <translation>Cơ &amp;quan ban hành:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Thời g&amp;ian:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Yearly plans (kế hoạch năm):</source>
        <translation>Kế hoạch năm:</translation>
    </message>
    <message>
        <source>The yearly plans of %1 are outside the period and will be removed when the plan is saved.</source>
        <translation>Kế hoạch năm %1 nằm ngoài thời gian của kế hoạch và sẽ bị bỏ khi lưu.</translation>
    </message>
    <message>
        <source>Type the period to set its yearly plans.</source>
        <translation>Nhập thời gian của kế hoạch để ghi các kế hoạch năm.</translation>
    </message>
    <message>
        <source>Estimate for %1:</source>
        <translation>Dự toán năm %1:</translation>
    </message>
    <message>
        <source>Estimate:</source>
        <translation>Dự toán:</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import bundles: what will change</source>
        <translation>Nhập gói dữ liệu: những gì sẽ thay đổi</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Check what each bundle brings, then import.</source>
        <translation>Chưa có gì thay đổi. Hãy kiểm tra nội dung từng gói rồi mới nhập.</translation>
    </message>
    <message>
        <source>Delete the %1 records missing from the bundle of %2. I have checked with that office that they were really removed.</source>
        <translation>Xóa %1 bản ghi không còn trong gói của %2. Tôi đã hỏi lại đơn vị đó và các bản ghi này đúng là đã bị xóa.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln bundle(s)</source>
        <translation>
            <numerusform>&amp;Nhập %Ln gói</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) refused and left out.</source>
        <translation>
            <numerusform>%Ln tệp bị từ chối và bỏ qua.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bundle(s) left out until confirmed.</source>
        <translation>
            <numerusform>%Ln gói chưa được nhập cho đến khi xác nhận.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <source>This bundle was imported before; a receipt can be made again.</source>
        <translation>Gói này đã được nhập trước đây; có thể lập lại biên nhận.</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Không có cảnh báo.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>What the import will do to each row. Rejected rows are red, rows with warnings yellow, the values an update changes blue. Nothing is saved yet.</source>
        <translation>Việc nhập sẽ làm gì với từng dòng. Dòng bị loại tô đỏ, dòng có cảnh báo tô vàng, giá trị sẽ được cập nhật tô xanh. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Đọc là</translation>
    </message>
    <message>
        <source>Import the valid rows only (leave out rejected rows)</source>
        <translation>Chỉ nhập các dòng hợp lệ (bỏ qua dòng bị loại)</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>Lưu các dòng bị loại…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>%1 new people, %2 changed, %3 unchanged, %4 rejected rows, %5 warnings.</source>
        <translation>%1 người mới, %2 người thay đổi, %3 người không thay đổi, %4 dòng bị loại, %5 cảnh báo.</translation>
    </message>
    <message>
        <source>Importing this file would change nothing.</source>
        <translation>Nhập tệp này sẽ không thay đổi gì.</translation>
    </message>
    <message>
        <source>%1 units are not in the roster: choose below what each one is.</source>
        <translation>%1 đơn vị chưa có trong danh sách: hãy chọn bên dưới mỗi đơn vị là đơn vị nào.</translation>
    </message>
    <message>
        <source>Checking the file again with the units you chose…</source>
        <translation>Đang kiểm tra lại tệp với các đơn vị đã chọn…</translation>
    </message>
    <message>
        <source>The file is written in the old %1 encoding; it was converted:</source>
        <translation>Tệp dùng bảng mã cũ %1; đã được chuyển sang Unicode:</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print preview – %1</source>
        <translation>Xem trước khi in – %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln trang</numerusform>
        </translation>
    </message>
    <message>
        <source>This document cannot be shown.</source>
        <translation>Không hiển thị được văn bản này.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>P&amp;revious page</source>
        <translation>Trang t&amp;rước</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Trang &amp;sau</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Cả trang</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) sent to the printer.</source>
        <translation>
            <numerusform>Đã gửi %Ln trang tới máy in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>PrintTab</name>
    <message>
        <source>&amp;Attendance sheet</source>
        <translation>Bảng điểm &amp;danh</translation>
    </message>
    <message>
        <source>&amp;Participant list</source>
        <translation>Danh sách &amp;học viên</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Lịch học</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Giấy chứng nhận</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>&amp;Số văn bản:</translation>
    </message>
    <message>
        <source>Make a document (PDF, A4)</source>
        <translation>Tạo văn bản (PDF, A4)</translation>
    </message>
    <message>
        <source>No document made yet.</source>
        <translation>Chưa tạo văn bản nào.</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>Đang tạo văn bản…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>the number from the register, e.g. 15 (left blank on the paper when empty)</source>
        <translation>số theo sổ văn bản, ví dụ 15 (để trống thì trên giấy để chỗ trống)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <source>On the paper: %1</source>
        <translation>Trên giấy: %1</translation>
    </message>
    <message>
        <source>(the schedule: %1)</source>
        <translation>(lịch học: %1)</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Bảng điểm danh</translation>
    </message>
    <message>
        <source>Participant list</source>
        <translation>Danh sách học viên</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch học</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message numerus="yes">
        <source>%1 ready (%Ln pages)</source>
        <translation>
            <numerusform>%1 đã sẵn sàng (%Ln trang)</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Đã hủy in</translation>
    </message>
    <message>
        <source>Cannot make the document</source>
        <translation>Không tạo được văn bản</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln pages, ready to print or save.</source>
        <translation>
            <numerusform>%1: %Ln trang, sẵn sàng để in hoặc lưu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Your office</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>Welcome to Cadre Desktop. Please enter your office&apos;s details: they are printed in the header and signature of every document. You can change them later under Settings.</source>
        <translation>Chào mừng bạn đến với Cadre Desktop. Hãy nhập thông tin của đơn vị: các thông tin này được in ở phần đầu và phần ký của mọi văn bản. Có thể sửa lại sau trong mục Thiết lập.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>&amp;Office name (issuing body):</source>
        <translation>&amp;Tên cơ quan ban hành:</translation>
    </message>
    <message>
        <source>e.g. BCH ĐOÀN PHƯỜNG GIA LỘC</source>
        <translation>vd. BCH ĐOÀN PHƯỜNG GIA LỘC</translation>
    </message>
    <message>
        <source>Office &amp;code:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>e.g. GL</source>
        <translation>vd. GL</translation>
    </message>
    <message>
        <source>&amp;Upper body:</source>
        <translation>Cơ quan &amp;cấp trên:</translation>
    </message>
    <message>
        <source>e.g. TỈNH ĐOÀN TÂY NINH</source>
        <translation>vd. TỈNH ĐOÀN TÂY NINH</translation>
    </message>
    <message>
        <source>&amp;Place name (date line):</source>
        <translation>Địa &amp;danh (dòng ngày tháng):</translation>
    </message>
    <message>
        <source>e.g. Gia Lộc</source>
        <translation>vd. Gia Lộc</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;title:</source>
        <translation>Chức &amp;vụ người ký:</translation>
    </message>
    <message>
        <source>e.g. BÍ THƯ</source>
        <translation>vd. BÍ THƯ</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Văn An</source>
        <translation>vd. Nguyễn Văn An</translation>
    </message>
    <message>
        <source>&amp;Document number suffix:</source>
        <translation>&amp;Ký hiệu văn bản:</translation>
    </message>
    <message>
        <source>e.g. ĐTN in “Số: 12-KH/ĐTN”</source>
        <translation>vd. ĐTN trong “Số: 12-KH/ĐTN”</translation>
    </message>
    <message>
        <source>C&amp;ertificate number pattern:</source>
        <translation>Mẫu số &amp;giấy chứng nhận:</translation>
    </message>
    <message>
        <source>{số}/GCN-{ký hiệu} (the default) gives “Số: 15/GCN-ĐTN”; {năm} adds the year</source>
        <translation>{số}/GCN-{ký hiệu} (mặc định) cho “Số: 15/GCN-ĐTN”; {năm} thêm năm</translation>
    </message>
    <message>
        <source>* needed for printed documents</source>
        <translation>* cần có để in văn bản</translation>
    </message>
    <message>
        <source>The next certificate of %1: %2</source>
        <translation>Giấy chứng nhận tiếp theo của năm %1: %2</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <source>Edit programme</source>
        <translation>Sửa chương trình</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>Thêm chương trình</translation>
    </message>
    <message>
        <source>made from the name when blank</source>
        <translation>để trống thì tạo từ tên</translation>
    </message>
    <message>
        <source>e.g. province, district, grassroots</source>
        <translation>vd. tỉnh, xã, cơ sở</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> giờ</translation>
    </message>
    <message>
        <source>blank: no test</source>
        <translation>để trống: không kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
    <message>
        <source>Default &amp;hours:</source>
        <translation>&amp;Số giờ:</translation>
    </message>
    <message>
        <source>&amp;Minimum attendance:</source>
        <translation>Tỷ lệ &amp;dự học tối thiểu:</translation>
    </message>
    <message>
        <source>&amp;Pass score:</source>
        <translation>Đ&amp;iểm đạt:</translation>
    </message>
    <message>
        <source>Target group in &amp;words:</source>
        <translation>Mô tả đối tượ&amp;ng:</translation>
    </message>
    <message>
        <source>&amp;Target group:</source>
        <translation>Đối tượn&amp;g:</translation>
    </message>
</context>
<context>
    <name>ProgrammeTableModel</name>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <source>Min. attendance</source>
        <translation>Dự học tối thiểu</translation>
    </message>
    <message>
        <source>Pass score</source>
        <translation>Điểm đạt</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Show deleted</source>
        <translation>Hiện mục đã xóa</translation>
    </message>
    <message>
        <source>&amp;New programme…</source>
        <translation>&amp;Thêm chương trình…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Training programme</source>
        <translation>Chương trình bồi dưỡng</translation>
    </message>
    <message>
        <source>Saved programme %1</source>
        <translation>Đã lưu chương trình %1</translation>
    </message>
    <message>
        <source>Deleted programme %1. Press Ctrl+Z to undo.</source>
        <translation>Đã xóa chương trình %1. Nhấn Ctrl+Z để hoàn tác.</translation>
    </message>
    <message>
        <source>Restored programme %1</source>
        <translation>Đã khôi phục chương trình %1</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <source>Propose rotation</source>
        <translation>Đề xuất cử đi cơ sở</translation>
    </message>
    <message>
        <source>(the group the check finds)</source>
        <translation>(đối tượng theo kết quả xét)</translation>
    </message>
    <message>
        <source>(a unit outside the office)</source>
        <translation>(đơn vị ngoài danh sách)</translation>
    </message>
    <message>
        <source>name of a unit outside the office</source>
        <translation>tên đơn vị không có trong danh sách</translation>
    </message>
    <message>
        <source>(the group&apos;s first host post)</source>
        <translation>(chức vụ đầu tiên của đối tượng)</translation>
    </message>
    <message>
        <source>leave blank if not yet decided</source>
        <translation>để trống nếu chưa có quyết định</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <source>&amp;Cadre:</source>
        <translation>&amp;Cán bộ:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>Đối &amp;tượng:</translation>
    </message>
    <message>
        <source>&amp;Host unit:</source>
        <translation>Đơn vị tiếp &amp;nhận:</translation>
    </message>
    <message>
        <source>Host &amp;post:</source>
        <translation>Chức &amp;vụ tại cơ sở:</translation>
    </message>
    <message>
        <source>Planned &amp;start:</source>
        <translation>Dự kiến &amp;bắt đầu:</translation>
    </message>
    <message>
        <source>Planned &amp;end:</source>
        <translation>Dự kiến &amp;kết thúc:</translation>
    </message>
    <message>
        <source>&amp;Decision no.:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>Decision d&amp;ate:</source>
        <translation>Ngày &amp;quyết định:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>With a decision number the rotation is recorded as approved at once.</source>
        <translation>Nếu có số quyết định, đợt đi cơ sở được ghi là đã duyệt ngay.</translation>
    </message>
    <message>
        <source>No blocking issues: the proposal can be recorded.</source>
        <translation>Không có vướng mắc: có thể ghi đề xuất.</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>Đề &amp;xuất</translation>
    </message>
    <message>
        <source>Choose a cadre.</source>
        <translation>Hãy chọn cán bộ.</translation>
    </message>
    <message>
        <source>Not recorded. Each blocking issue needs the Standing Committee&apos;s decision: %1</source>
        <translation>Chưa ghi. Mỗi vướng mắc cần có quyết định của Ban Thường vụ: %1</translation>
    </message>
</context>
<context>
    <name>QueryRunner</name>
    <message>
        <source>Cannot show the list</source>
        <translation>Không hiển thị được danh sách</translation>
    </message>
</context>
<context>
    <name>RatingPreviewModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>New rating</source>
        <translation>Xếp loại mới</translation>
    </message>
    <message>
        <source>Rating now</source>
        <translation>Xếp loại hiện có</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa có)</translation>
    </message>
</context>
<context>
    <name>RatingsTable</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>Thêm năm</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>RegistrationEditor</name>
    <message>
        <source>Registration of %1 — %2</source>
        <translation>Phiếu đăng ký của %1 — %2</translation>
    </message>
    <message>
        <source>Library of criteria</source>
        <translation>Thư viện tiêu chí</translation>
    </message>
    <message>
        <source>&amp;Add criterion →</source>
        <translation>Thêm tiêu &amp;chí →</translation>
    </message>
    <message>
        <source>Add &amp;own criterion</source>
        <translation>Thêm tiêu chí &amp;riêng</translation>
    </message>
    <message>
        <source>&amp;Remove criterion</source>
        <translation>&amp;Xóa tiêu chí</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>&amp;Lưu bản nháp</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Gửi chi đoàn</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>&amp;Trả lại…</translation>
    </message>
    <message>
        <source>P&amp;rint form…</source>
        <translation>&amp;In phiếu…</translation>
    </message>
    <message>
        <source>The criteria changed here are not saved. Close and lose them?</source>
        <translation>Các tiêu chí vừa sửa chưa được lưu. Đóng và bỏ các thay đổi đó?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>%1 of at least %2 criteria</source>
        <translation>%1/%2 tiêu chí tối thiểu</translation>
    </message>
    <message>
        <source>Register by %1; each criterion needs a concrete plan.</source>
        <translation>Hạn đăng ký %1; mỗi tiêu chí cần có kế hoạch thực hiện cụ thể.</translation>
    </message>
    <message>
        <source>Branch&apos;s comment: %1</source>
        <translation>Ý kiến của chi đoàn: %1</translation>
    </message>
    <message>
        <source>Not submitted:</source>
        <translation>Chưa gửi được:</translation>
    </message>
    <message>
        <source>Submitted the registration of %1</source>
        <translation>Đã gửi phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Saved the registration of %1</source>
        <translation>Đã lưu phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Approved the registration of %1</source>
        <translation>Đã duyệt phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Returned the registration of %1</source>
        <translation>Đã trả lại phiếu đăng ký của %1</translation>
    </message>
    <message>
        <source>Print form</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>The criteria changed here are not saved. Save or submit them first: the form shows what is saved.</source>
        <translation>Các tiêu chí vừa sửa chưa được lưu. Hãy lưu hoặc gửi trước: bản in chỉ có những gì đã lưu.</translation>
    </message>
    <message>
        <source>Registration form</source>
        <translation>Phiếu đăng ký</translation>
    </message>
</context>
<context>
    <name>RegistrationItemsModel</name>
    <message>
        <source>Area</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Concrete plan</source>
        <translation>Kế hoạch thực hiện</translation>
    </message>
</context>
<context>
    <name>RegistrationsModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Phiếu đăng ký</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message>
        <source>&amp;Open registration…</source>
        <translation>&amp;Mở phiếu đăng ký…</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>&amp;Trả lại…</translation>
    </message>
    <message>
        <source>&amp;Self-evaluation…</source>
        <translation>Tự đánh &amp;giá…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Cadre&apos;s report</source>
        <translation>Báo cáo của cán bộ</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Ngày nhận:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Tóm tắt:</translation>
    </message>
    <message>
        <source>Training report</source>
        <translation>Báo cáo công tác bồi dưỡng</translation>
    </message>
    <message>
        <source>from the register, e.g. 12</source>
        <translation>theo sổ văn bản, ví dụ 12</translation>
    </message>
    <message>
        <source>II. Assessment</source>
        <translation>II. Đánh giá chung</translation>
    </message>
    <message>
        <source>Strengths, limitations and their causes</source>
        <translation>Ưu điểm, hạn chế và nguyên nhân</translation>
    </message>
    <message>
        <source>III. Directions and tasks</source>
        <translation>III. Phương hướng, nhiệm vụ</translation>
    </message>
    <message>
        <source>What the office will do in the next period</source>
        <translation>Những việc đơn vị sẽ làm trong thời gian tới</translation>
    </message>
    <message>
        <source>IV. Proposals</source>
        <translation>IV. Đề xuất, kiến nghị</translation>
    </message>
    <message>
        <source>What the office asks of the level above</source>
        <translation>Những điều đơn vị đề nghị cấp trên</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>One per line; the usual list when left empty</source>
        <translation>Mỗi dòng một nơi; để trống thì dùng danh sách thường lệ</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n ngày:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Trích &amp;yếu:</translation>
    </message>
    <message>
        <source>&amp;Save the draft</source>
        <translation>Lưu &amp;bản nháp</translation>
    </message>
    <message>
        <source>&amp;PDF (preview)…</source>
        <translation>&amp;PDF (xem trước)…</translation>
    </message>
    <message>
        <source>E&amp;xcel (.xlsx)…</source>
        <translation>E&amp;xcel (.xlsx)…</translation>
    </message>
    <message>
        <source>Type both dates (dd/mm/yyyy).</source>
        <translation>Hãy gõ cả hai ngày (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>I. Results in the range: %1 classes, %2 enrolments (%3 people), %4 completed (%5); budget estimate %6, spent %7; %8 of %9 targets met.</source>
        <translation>I. Kết quả trong kỳ: %1 lớp, %2 lượt học viên (%3 người), %4 lượt hoàn thành (%5); dự toán kinh phí %6, đã thực hiện %7; đạt %8/%9 chỉ tiêu.</translation>
    </message>
    <message>
        <source>Report draft saved</source>
        <translation>Đã lưu bản nháp báo cáo</translation>
    </message>
    <message>
        <source>Save the report as a workbook</source>
        <translation>Lưu báo cáo thành tệp Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Đã ghi báo cáo vào %1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>Lưu các dòng bị loại…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Importing the roster…</source>
        <translation>Đang nhập danh sách…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Chưa nhập được gì.</translation>
    </message>
    <message>
        <source>%1 people added, %2 updated, %3 unchanged.</source>
        <translation>Đã thêm %1 người, cập nhật %2 người, %3 người không thay đổi.</translation>
    </message>
    <message>
        <source>%1 rejected rows were left out.</source>
        <translation>Đã bỏ qua %1 dòng bị loại.</translation>
    </message>
    <message>
        <source>New units: %1</source>
        <translation>Đơn vị mới: %1</translation>
    </message>
    <message>
        <source>%1 warnings (see the preview).</source>
        <translation>%1 cảnh báo (xem ở bước xem trước).</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>&amp;Finish class…</source>
        <translation>&amp;Kết thúc lớp…</translation>
    </message>
    <message>
        <source>&amp;Recompute results</source>
        <translation>&amp;Xét lại kết quả</translation>
    </message>
    <message>
        <source>Assign &amp;certificate numbers</source>
        <translation>&amp;Cấp số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Type a test score in the Test score column (e.g. 8,5).</source>
        <translation>Nhập điểm vào cột Điểm kiểm tra (vd. 8,5).</translation>
    </message>
    <message>
        <source>%1 of %2 completed; %3 certificates numbered.</source>
        <translation>%1/%2 học viên hoàn thành; đã cấp số %3 giấy chứng nhận.</translation>
    </message>
    <message>
        <source>The class is not finished. %1 of %2 have the minimum attendance so far.</source>
        <translation>Lớp chưa kết thúc. Đến nay %1/%2 học viên đạt tỷ lệ dự học tối thiểu.</translation>
    </message>
    <message>
        <source>Test score saved</source>
        <translation>Đã lưu điểm kiểm tra</translation>
    </message>
    <message>
        <source>Finish class</source>
        <translation>Kết thúc lớp</translation>
    </message>
    <message>
        <source>Finish “%1” and record everyone&apos;s result from the attendance and test scores?</source>
        <translation>Kết thúc lớp “%1” và ghi kết quả của từng học viên theo điểm danh và điểm kiểm tra?</translation>
    </message>
    <message>
        <source>Class finished: %1 completed, %2 not completed</source>
        <translation>Đã kết thúc lớp: %1 hoàn thành, %2 không hoàn thành</translation>
    </message>
    <message>
        <source>Results recomputed: %1 completed, %2 not completed</source>
        <translation>Đã xét lại kết quả: %1 hoàn thành, %2 không hoàn thành</translation>
    </message>
    <message numerus="yes">
        <source>Numbered %Ln certificates</source>
        <translation>
            <numerusform>Đã cấp số %Ln giấy chứng nhận</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone who completed already has a number</source>
        <translation>Mọi học viên hoàn thành đều đã có số giấy chứng nhận</translation>
    </message>
</context>
<context>
    <name>ResultsTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Dự học</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Test score</source>
        <translation>Điểm kiểm tra</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Not completed because</source>
        <translation>Lý do không hoàn thành</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Số GCN</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return registration</source>
        <translation>Trả lại phiếu đăng ký</translation>
    </message>
    <message>
        <source>Return %1&apos;s registration for changes. Say what should change.</source>
        <translation>Trả lại phiếu đăng ký của %1 để sửa. Hãy ghi rõ cần sửa gì.</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Ý kiến:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Người ghi:</translation>
    </message>
</context>
<context>
    <name>RollupModel</name>
    <message>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Mã: %1</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Nhận ngày</translation>
    </message>
    <message>
        <source>Days ago</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Loại gói</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Tình trạng gửi gói</translation>
    </message>
    <message>
        <source>Overdue: no bundle since it was enrolled</source>
        <translation>Quá hạn: chưa gửi gói nào từ khi đăng ký</translation>
    </message>
    <message>
        <source>Overdue: last bundle %1 days ago</source>
        <translation>Quá hạn: gói gần nhất cách đây %1 ngày</translation>
    </message>
    <message>
        <source>No bundle yet</source>
        <translation>Chưa có gói</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Behind: the goal is %1</source>
        <translation>Chưa đạt: mục tiêu là %1</translation>
    </message>
    <message>
        <source>Goal %1 met</source>
        <translation>Đạt mục tiêu %1</translation>
    </message>
    <message>
        <source>The goal (%1) is for the whole plan; this is the office&apos;s part</source>
        <translation>Mục tiêu (%1) là của cả kế hoạch; đây là phần của đơn vị</translation>
    </message>
    <message>
        <source>No one of the target&apos;s group at this office</source>
        <translation>Đơn vị không có ai thuộc đối tượng của chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>RollupPage</name>
    <message>
        <source>Offices&apos; figures</source>
        <translation>Tổng hợp các đơn vị cấp dưới</translation>
    </message>
    <message>
        <source>The figures count what was recorded up to this day.</source>
        <translation>Số liệu tính những gì đã ghi nhận đến hết ngày này.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>E&amp;xport (.xlsx)…</source>
        <translation>&amp;Xuất (.xlsx)…</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <source>Figures on:</source>
        <translation>Số liệu đến ngày:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>No office below this one is enrolled yet.</source>
        <translation>Chưa đăng ký đơn vị cấp dưới nào.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln office(s) below</source>
        <translation>
            <numerusform>%Ln đơn vị cấp dưới</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue with their bundles</source>
        <translation>
            <numerusform>%Ln quá hạn gửi gói</numerusform>
        </translation>
    </message>
    <message>
        <source>no plan with targets yet</source>
        <translation>chưa có kế hoạch có chỉ tiêu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln behind on a target</source>
        <translation>
            <numerusform>%Ln chưa đạt chỉ tiêu</numerusform>
        </translation>
    </message>
    <message>
        <source>behind</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>chưa tính được</translation>
    </message>
    <message>
        <source>%1: %2 (goal %3, %4)</source>
        <translation>%1: %2 (mục tiêu %3, %4)</translation>
    </message>
    <message>
        <source>The whole office:</source>
        <translation>Toàn đơn vị:</translation>
    </message>
    <message>
        <source>Export the offices&apos; figures</source>
        <translation>Xuất tổng hợp các đơn vị</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Đang ghi tệp…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message>
        <source>Export roster</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Tệp Excel (*.xlsx);;Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln people to %1</source>
        <translation>
            <numerusform>Đã xuất %Ln người vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster list</source>
        <translation>Danh sách đoàn viên</translation>
    </message>
</context>
<context>
    <name>RosterFilters</name>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Working status</source>
        <translation>Chế độ công tác</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>Lý luận chính trị</translation>
    </message>
    <message>
        <source>%1: any</source>
        <translation>%1: tất cả</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Search by name, citizen ID or phone (Ctrl+F)</source>
        <translation>Tìm theo họ tên, số CCCD hoặc điện thoại (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>Thêm &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Show de&amp;leted</source>
        <translation>Hiện người đã &amp;xóa</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>&amp;Nhập danh sách…</translation>
    </message>
    <message>
        <source>E&amp;xport roster…</source>
        <translation>&amp;Xuất danh sách…</translation>
    </message>
    <message>
        <source>&amp;Print the list…</source>
        <translation>&amp;In danh sách…</translation>
    </message>
    <message>
        <source>Print the people shown (search, unit, filters and order as on screen)</source>
        <translation>In những người đang hiện (theo tìm kiếm, đơn vị, bộ lọc và thứ tự trên màn hình)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted people</source>
        <translation>
            <numerusform>%Ln người đã xóa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln người</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln people. Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Đã xóa %Ln người. Nhấn Ctrl+Z để hoàn tác.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln people.</source>
        <translation>
            <numerusform>Đã khôi phục %Ln người.</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>Đã nhập danh sách</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Working status</source>
        <translation>Chế độ công tác</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị quản lý</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>Rotation</name>
    <message>
        <source>Proposed</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>Thiếu dữ liệu</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Biên chế</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Đảng</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Tuổi</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <source>Deferral</source>
        <translation>Tạm hoãn</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Final evaluation</source>
        <translation>Đánh giá kết thúc</translation>
    </message>
    <message>
        <source>Self-evaluation, round %1</source>
        <translation>Tự đánh giá, đợt %1</translation>
    </message>
    <message>
        <source>Six-month evaluation %1</source>
        <translation>Đánh giá 6 tháng lần %1</translation>
    </message>
    <message>
        <source>cadre&apos;s report</source>
        <translation>báo cáo của cán bộ</translation>
    </message>
    <message>
        <source>host unit&apos;s evaluation</source>
        <translation>đánh giá của đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>self-evaluation</source>
        <translation>bản tự đánh giá</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Kết thúc sớm</translation>
    </message>
</context>
<context>
    <name>RotationActions</name>
    <message>
        <source>A&amp;pprove…</source>
        <translation>&amp;Duyệt…</translation>
    </message>
    <message>
        <source>&amp;Start…</source>
        <translation>&amp;Bắt đầu…</translation>
    </message>
    <message>
        <source>E&amp;xtend or end early…</source>
        <translation>&amp;Gia hạn/kết thúc sớm…</translation>
    </message>
    <message>
        <source>C&amp;omplete</source>
        <translation>&amp;Kết thúc</translation>
    </message>
    <message>
        <source>Ca&amp;ncel rotation…</source>
        <translation>&amp;Hủy đợt…</translation>
    </message>
    <message>
        <source>Extended the rotation of %1</source>
        <translation>Đã gia hạn đợt đi cơ sở của %1</translation>
    </message>
    <message>
        <source>Ended the rotation of %1 early</source>
        <translation>Đã kết thúc sớm đợt đi cơ sở của %1</translation>
    </message>
    <message>
        <source>Approved the rotation of %1</source>
        <translation>Đã duyệt cử %1 đi cơ sở</translation>
    </message>
    <message>
        <source>%1 has started the rotation</source>
        <translation>%1 đã bắt đầu đi cơ sở</translation>
    </message>
    <message>
        <source>Cancelled the rotation of %1</source>
        <translation>Đã hủy đợt đi cơ sở của %1</translation>
    </message>
    <message>
        <source>Complete rotation</source>
        <translation>Kết thúc đợt đi cơ sở</translation>
    </message>
    <message>
        <source>%1&apos;s rotation ends on %2. Mark it as completed?</source>
        <translation>Đợt đi cơ sở của %1 kết thúc ngày %2. Ghi nhận đã kết thúc?</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Completed the rotation of %1</source>
        <translation>Đã kết thúc đợt đi cơ sở của %1</translation>
    </message>
</context>
<context>
    <name>RotationDetail</name>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Báo cáo…</translation>
    </message>
    <message>
        <source>Host &amp;evaluation…</source>
        <translation>Đơn vị tiếp nhận đánh &amp;giá…</translation>
    </message>
    <message>
        <source>Print evaluation &amp;form…</source>
        <translation>&amp;In phiếu đánh giá…</translation>
    </message>
    <message>
        <source>Print &amp;summary…</source>
        <translation>In &amp;tóm tắt…</translation>
    </message>
    <message>
        <source>Evaluations every six months and at the end:</source>
        <translation>Đánh giá 6 tháng một lần và khi kết thúc:</translation>
    </message>
    <message>
        <source>Choose a rotation in the list above.</source>
        <translation>Hãy chọn một đợt đi cơ sở trong danh sách bên trên.</translation>
    </message>
    <message>
        <source>Host: %1, as %2</source>
        <translation>Đơn vị tiếp nhận: %1, chức vụ %2</translation>
    </message>
    <message>
        <source>From %1 to %2 — %3</source>
        <translation>Từ %1 đến %2 — %3</translation>
    </message>
    <message>
        <source>Decision %1 of %2</source>
        <translation>Quyết định số %1 ngày %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <source>Check when proposed (start %1)</source>
        <translation>Kết quả xét điều kiện khi đề xuất (bắt đầu %1)</translation>
    </message>
    <message>
        <source>No check was stored.</source>
        <translation>Không có kết quả xét điều kiện.</translation>
    </message>
    <message>
        <source>Sent although not eligible</source>
        <translation>Cử đi dù chưa đủ điều kiện</translation>
    </message>
    <message>
        <source>Above the year&apos;s quota</source>
        <translation>Vượt số lượng cán bộ cử đi trong năm</translation>
    </message>
    <message>
        <source>Shorter than the rules ask</source>
        <translation>Thời gian ngắn hơn quy định</translation>
    </message>
    <message>
        <source>Standing Committee decisions</source>
        <translation>Quyết định của Ban Thường vụ</translation>
    </message>
    <message>
        <source>Changes of end date</source>
        <translation>Thay đổi ngày kết thúc</translation>
    </message>
    <message>
        <source>Evaluation form</source>
        <translation>Phiếu đánh giá</translation>
    </message>
    <message>
        <source>Rotation summary</source>
        <translation>Tóm tắt đợt đi cơ sở</translation>
    </message>
    <message>
        <source>Report recorded for %1</source>
        <translation>Đã ghi báo cáo của %1</translation>
    </message>
    <message>
        <source>Host unit&apos;s evaluation recorded for %1</source>
        <translation>Đã ghi đánh giá của đơn vị tiếp nhận đối với %1</translation>
    </message>
</context>
<context>
    <name>RotationPage</name>
    <message>
        <source>&amp;Propose rotation…</source>
        <translation>Đề &amp;xuất…</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Quy định…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>Đến hạn, quá hạn</translation>
    </message>
    <message>
        <source>Propose this cadre…</source>
        <translation>Đề xuất cử cán bộ này…</translation>
    </message>
    <message>
        <source>Candidates %1 (reading…)</source>
        <translation>Ứng viên năm %1 (đang đọc…)</translation>
    </message>
    <message>
        <source>Candidates %1 (%2 eligible)</source>
        <translation>Xét cử năm %1 (%2 đủ điều kiện)</translation>
    </message>
    <message>
        <source>Rotations (%1)</source>
        <translation>Các đợt đi cơ sở (%1)</translation>
    </message>
    <message>
        <source>Due and overdue (%1)</source>
        <translation>Đến hạn, quá hạn (%1)</translation>
    </message>
    <message>
        <source>Due and overdue (%1, %2 overdue)</source>
        <translation>Đến hạn, quá hạn (%1, %2 quá hạn)</translation>
    </message>
    <message>
        <source>Checking the cadres…</source>
        <translation>Đang kiểm tra điều kiện của cán bộ…</translation>
    </message>
    <message>
        <source>No candidates: nobody in the permanent staff, full-time or planned is free to be sent.</source>
        <translation>Không có cán bộ để xét cử: không có ai trong biên chế, chuyên trách hoặc được quy hoạch có thể cử đi.</translation>
    </message>
    <message>
        <source>Proposed a rotation for %1</source>
        <translation>Đã đề xuất cử %1 đi cơ sở</translation>
    </message>
    <message>
        <source>Rotation rules saved</source>
        <translation>Đã lưu quy định cử cán bộ đi cơ sở</translation>
    </message>
</context>
<context>
    <name>RotationsModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>Đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>Host post</source>
        <translation>Chức vụ tại cơ sở</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <source>By decision</source>
        <translation>Theo quyết định</translation>
    </message>
    <message>
        <source>Not eligible when proposed; sent by a Standing Committee decision</source>
        <translation>Chưa đủ điều kiện khi đề xuất; được cử theo quyết định của Ban Thường vụ</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rotation rules</source>
        <translation>Quy định cử cán bộ đi cơ sở</translation>
    </message>
    <message>
        <source>The conditions a cadre must meet and the yearly plan&apos;s limits. A change applies to checks made from now on; rotations already proposed keep their check.</source>
        <translation>Các điều kiện cán bộ phải đáp ứng và giới hạn của kế hoạch hằng năm. Thay đổi chỉ áp dụng cho các lần xét từ nay; các đợt đã đề xuất giữ nguyên kết quả xét.</translation>
    </message>
    <message>
        <source>years</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>Must be in the office&apos;s permanent staff</source>
        <translation>Phải trong biên chế của cơ quan</translation>
    </message>
    <message>
        <source>years old</source>
        <translation>tuổi</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Party status:</source>
        <translation>Đảng:</translation>
    </message>
    <message>
        <source>Age at most:</source>
        <translation>Tuổi tối đa:</translation>
    </message>
    <message>
        <source>Yearly ratings checked:</source>
        <translation>Số năm xếp loại cần xét:</translation>
    </message>
    <message>
        <source>Lowest rating accepted:</source>
        <translation>Xếp loại thấp nhất:</translation>
    </message>
    <message>
        <source>months</source>
        <translation>tháng</translation>
    </message>
    <message>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>Yearly plan</source>
        <translation>Kế hoạch hằng năm</translation>
    </message>
    <message>
        <source>Cadres sent per year at most:</source>
        <translation>Số cán bộ cử đi tối đa mỗi năm:</translation>
    </message>
    <message>
        <source>Shortest rotation:</source>
        <translation>Thời gian tối thiểu:</translation>
    </message>
    <message>
        <source>Start by the end of quarter:</source>
        <translation>Bắt đầu chậm nhất trong quý:</translation>
    </message>
    <message>
        <source>Evaluation every:</source>
        <translation>Đánh giá định kỳ mỗi:</translation>
    </message>
    <message>
        <source>List as due this many days ahead:</source>
        <translation>Báo đến hạn trước:</translation>
    </message>
    <message>
        <source>Host posts by group</source>
        <translation>Chức vụ tại cơ sở theo đối tượng</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Đối tượng:</translation>
    </message>
    <message>
        <source>Host posts:</source>
        <translation>Chức vụ tại cơ sở:</translation>
    </message>
</context>
<context>
    <name>ScoreGridModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Phiếu đăng ký</translation>
    </message>
    <message>
        <source>Final self-score</source>
        <translation>Điểm tự chấm</translation>
    </message>
    <message>
        <source>Branch score</source>
        <translation>Điểm chi đoàn chấm</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Scores are entered once the branch has approved the member&apos;s registration.</source>
        <translation>Chỉ nhập điểm sau khi chi đoàn đã duyệt phiếu đăng ký của đoàn viên.</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <source>Type a score and press Enter to go to the next member. Scores are written when you press Save.</source>
        <translation>Nhập điểm rồi nhấn Enter để sang đoàn viên tiếp theo. Điểm chỉ được ghi khi nhấn Lưu điểm.</translation>
    </message>
    <message>
        <source>&amp;Save scores</source>
        <translation>&amp;Lưu điểm</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Apply as yearly &amp;ratings…</source>
        <translation>Chuyển thành &amp;xếp loại năm…</translation>
    </message>
    <message>
        <source>&amp;Print branch results…</source>
        <translation>&amp;In kết quả chi đoàn…</translation>
    </message>
    <message>
        <source>Nothing was saved. Correct the rows in red:</source>
        <translation>Chưa lưu gì. Hãy sửa các dòng tô đỏ:</translation>
    </message>
    <message numerus="yes">
        <source>Saved the scores of %Ln members</source>
        <translation>
            <numerusform>Đã lưu điểm của %Ln đoàn viên</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfEvaluationDialog</name>
    <message>
        <source>Self-evaluation</source>
        <translation>Tự đánh giá</translation>
    </message>
    <message>
        <source>0–100, may be left blank</source>
        <translation>0–100, có thể để trống</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Đợt:</translation>
    </message>
    <message>
        <source>Evaluated on:</source>
        <translation>Ngày đánh giá:</translation>
    </message>
    <message>
        <source>Self-score:</source>
        <translation>Điểm tự chấm:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Tóm tắt:</translation>
    </message>
</context>
<context>
    <name>SendBundlePage</name>
    <message>
        <source>Send to the province</source>
        <translation>Gửi dữ liệu lên tỉnh</translation>
    </message>
    <message>
        <source>Send a &amp;full bundle (every record), not only the changes</source>
        <translation>Gửi gói đầy đủ (mọi bản ghi), &amp;không chỉ phần thay đổi</translation>
    </message>
    <message>
        <source>For an office above that lost its data or asks for everything again</source>
        <translation>Khi đơn vị cấp trên mất dữ liệu hoặc yêu cầu gửi lại toàn bộ</translation>
    </message>
    <message>
        <source>Open “Office &amp;&amp; keys”</source>
        <translation>Mở trang “Định danh và khóa”</translation>
    </message>
    <message>
        <source>&amp;Make a bundle…</source>
        <translation>&amp;Tạo gói dữ liệu…</translation>
    </message>
    <message>
        <source>Import a &amp;receipt…</source>
        <translation>Nhập &amp;biên nhận…</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Made on:</source>
        <translation>Ngày tạo:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Dung lượng:</translation>
    </message>
    <message>
        <source>Receipt:</source>
        <translation>Biên nhận:</translation>
    </message>
    <message>
        <source>Last receipt:</source>
        <translation>Biên nhận gần nhất:</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Các gói đã gửi</translation>
    </message>
    <message>
        <source>This office has no identity yet. Set it up on the “Office &amp; keys” page, then enrol the office above with its identity file and fingerprint.</source>
        <translation>Đơn vị chưa có định danh. Hãy khởi tạo ở trang “Định danh và khóa”, sau đó đăng ký đơn vị cấp trên bằng tệp định danh và mã số xác nhận của đơn vị đó.</translation>
    </message>
    <message>
        <source>The office above is not enrolled yet. On the “Office &amp; keys” page, import its identity file and type the fingerprint its clerk reads to you.</source>
        <translation>Chưa đăng ký đơn vị cấp trên. Ở trang “Định danh và khóa”, hãy nhập tệp định danh của đơn vị cấp trên và gõ mã số xác nhận do cán bộ phụ trách ở đó đọc cho bạn.</translation>
    </message>
    <message>
        <source>Bundles of this office go to %1. A bundle is locked so that only that office can read it, and signed so that it can tell it came from here.</source>
        <translation>Gói dữ liệu của đơn vị này gửi cho %1. Gói được khóa để chỉ đơn vị đó đọc được, và được ký để đơn vị đó biết gói gửi từ đây.</translation>
    </message>
    <message>
        <source>Bundle %1 saved as %2 (%3)</source>
        <translation>Đã lưu gói số %1 thành %2 (%3)</translation>
    </message>
    <message>
        <source>No bundle sent yet</source>
        <translation>Chưa gửi gói nào</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <source>%1 (bundle %2)</source>
        <translation>%1 (gói số %2)</translation>
    </message>
    <message numerus="yes">
        <source>Next bundle: number %1, the changes since bundle %2, which %3 received on %4 (%Ln record(s) changed).</source>
        <translation>
            <numerusform>Gói tiếp theo: số %1, phần thay đổi từ gói số %2 mà %3 đã nhận ngày %4 (%Ln bản ghi thay đổi).</numerusform>
        </translation>
    </message>
    <message>
        <source>Next bundle: number %1, every record of this office (a full bundle): nothing has been sent to %3 yet.</source>
        <translation>Gói tiếp theo: số %1, toàn bộ dữ liệu của đơn vị (gói đầy đủ): chưa gửi gì cho %3.</translation>
    </message>
    <message>
        <source>Next bundle: number %1, every record of this office (a full bundle): no receipt has come back from %3 for the bundles sent, so it may not hold them.</source>
        <translation>Gói tiếp theo: số %1, toàn bộ dữ liệu của đơn vị (gói đầy đủ): %3 chưa gửi lại biên nhận cho các gói đã gửi, nên có thể chưa có các gói đó.</translation>
    </message>
    <message>
        <source>Next bundle: number %1, every record of this office (a full bundle): the changes since the last bundle %3 received were not recorded.</source>
        <translation>Gói tiếp theo: số %1, toàn bộ dữ liệu của đơn vị (gói đầy đủ): các thay đổi kể từ gói gần nhất %3 đã nhận không được ghi lại.</translation>
    </message>
    <message>
        <source>Make a bundle</source>
        <translation>Tạo gói dữ liệu</translation>
    </message>
    <message>
        <source>Folder or USB stick for the bundle</source>
        <translation>Thư mục hoặc USB để lưu gói</translation>
    </message>
    <message>
        <source>Office passphrase</source>
        <translation>Mật khẩu đơn vị</translation>
    </message>
    <message>
        <source>Type the office passphrase to sign the bundle %1.</source>
        <translation>Nhập mật khẩu đơn vị để ký gói số %1.</translation>
    </message>
    <message>
        <source>Making the bundle…</source>
        <translation>Đang tạo gói dữ liệu…</translation>
    </message>
    <message>
        <source>Import a receipt</source>
        <translation>Nhập biên nhận</translation>
    </message>
    <message>
        <source>Cadre Desktop files (*.cadre);;All files (*)</source>
        <translation>Tệp Cadre Desktop (*.cadre);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking the receipt…</source>
        <translation>Đang kiểm tra biên nhận…</translation>
    </message>
    <message>
        <source>This receipt was already recorded: bundle %1 received by %2 on %3</source>
        <translation>Biên nhận này đã được ghi trước đây: gói số %1 do %2 nhận ngày %3</translation>
    </message>
    <message>
        <source>Receipt recorded: bundle %1 received by %2 on %3</source>
        <translation>Đã ghi biên nhận: gói số %1 do %2 nhận ngày %3</translation>
    </message>
</context>
<context>
    <name>SentBundlesModel</name>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Gửi cho</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit session</source>
        <translation>Sửa buổi học</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Thêm buổi học</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Chiều</translation>
    </message>
    <message>
        <source>room, or the link of an online session</source>
        <translation>phòng học, hoặc đường dẫn buổi học trực tuyến</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Giờ học:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Chủ đề:</translation>
    </message>
    <message>
        <source>&amp;Lecturer:</source>
        <translation>&amp;Giảng viên:</translation>
    </message>
    <message>
        <source>&amp;Room or link:</source>
        <translation>&amp;Phòng hoặc đường dẫn:</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>Giảng viên</translation>
    </message>
    <message>
        <source>Room or link</source>
        <translation>Phòng hoặc đường dẫn</translation>
    </message>
    <message>
        <source>Clash</source>
        <translation>Trùng lịch</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>&amp;Add session…</source>
        <translation>&amp;Thêm buổi học…</translation>
    </message>
    <message>
        <source>&amp;Generate recurring…</source>
        <translation>Tạo buổi &amp;lặp lại…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sessions</source>
        <translation>
            <numerusform>%Ln buổi học</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clashes with other sessions: %Ln</source>
        <translation>
            <numerusform>Trùng lịch với buổi học khác: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>No clashes with other sessions.</source>
        <translation>Không trùng lịch với buổi học khác.</translation>
    </message>
    <message>
        <source>Session changed</source>
        <translation>Đã sửa buổi học</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln sessions. Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Đã xóa %Ln buổi học. Nhấn Ctrl+Z để hoàn tác.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln sessions</source>
        <translation>
            <numerusform>Đã thêm %Ln buổi học</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved, but these sessions clash with others:</source>
        <translation>Đã lưu, nhưng các buổi học này trùng lịch với buổi khác:</translation>
    </message>
    <message>
        <source>Saved, with a warning:</source>
        <translation>Đã lưu, có cảnh báo:</translation>
    </message>
    <message>
        <source>Clashing sessions</source>
        <translation>Buổi học trùng lịch</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&amp;Save office profile</source>
        <translation>&amp;Lưu thông tin đơn vị</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Office profile</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Tệp dữ liệu:</translation>
    </message>
    <message>
        <source>Office profile saved</source>
        <translation>Đã lưu thông tin đơn vị</translation>
    </message>
</context>
<context>
    <name>StageEditor</name>
    <message>
        <source>per person per day, if any</source>
        <translation>mỗi người mỗi ngày, nếu có</translation>
    </message>
    <message>
        <source>people</source>
        <translation>người</translation>
    </message>
    <message>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>Cost &amp;item:</source>
        <translation>&amp;Khoản chi:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Diễn giải:</translation>
    </message>
    <message>
        <source>People × days:</source>
        <translation>Số người × số ngày:</translation>
    </message>
    <message>
        <source>&amp;Rate (đồng):</source>
        <translation>Đị&amp;nh mức (đồng):</translation>
    </message>
    <message>
        <source>&amp;Amount (đồng):</source>
        <translation>&amp;Thành tiền (đồng):</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>Thê&amp;m dòng</translation>
    </message>
    <message>
        <source>&amp;Change line</source>
        <translation>&amp;Sửa dòng</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>&amp;Xóa dòng</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Tổng cộng: %1</translation>
    </message>
    <message>
        <source>no lines</source>
        <translation>chưa có khoản chi</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Rotation starts</source>
        <translation>Bắt đầu đi cơ sở</translation>
    </message>
    <message>
        <source>The day %1 took up the post. The evaluations are counted from it.</source>
        <translation>Ngày %1 nhận nhiệm vụ tại cơ sở. Các kỳ đánh giá được tính từ ngày này.</translation>
    </message>
    <message>
        <source>Actual start:</source>
        <translation>Ngày bắt đầu thực tế:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>TargetChart</name>
    <message>
        <source>This plan has no targets yet.</source>
        <translation>Kế hoạch này chưa có chỉ tiêu.</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Share of the goal reached</source>
        <translation>Mức đạt so với chỉ tiêu</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not yet met</source>
        <translation>Chưa đạt</translation>
    </message>
</context>
<context>
    <name>TargetDetail</name>
    <message>
        <source>Not yet met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Everyone in the group</source>
        <translation>Toàn bộ đối tượng</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiện:</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>By office</source>
        <translation>Theo đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Classes counted</source>
        <translation>Các lớp được tính</translation>
    </message>
    <message>
        <source>&amp;Enrol the people not yet met into a class…</source>
        <translation>&amp;Ghi danh người chưa đạt vào lớp…</translation>
    </message>
    <message>
        <source>E&amp;xport the list (.xlsx)…</source>
        <translation>&amp;Xuất danh sách (.xlsx)…</translation>
    </message>
    <message>
        <source>&amp;Print the list…</source>
        <translation>&amp;In danh sách…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Đang đọc…</translation>
    </message>
    <message>
        <source>%1 of %2 people in the group: %3 met, %4 not yet</source>
        <translation>%1 trong %2 người thuộc đối tượng: %3 đạt, %4 chưa đạt</translation>
    </message>
    <message>
        <source>Not begun on this date: counting starts %1.</source>
        <translation>Chưa đến thời gian tính: bắt đầu từ %1.</translation>
    </message>
    <message>
        <source>Counted from %1 to %2.</source>
        <translation>Tính từ %1 đến %2.</translation>
    </message>
    <message>
        <source>%1: %2 against a goal of %3 — %4. %5</source>
        <translation>%1: %2 so với chỉ tiêu %3 — %4. %5</translation>
    </message>
    <message>
        <source>E&amp;xport the figures (.xlsx)…</source>
        <translation>Xuất &amp;số liệu (.xlsx)…</translation>
    </message>
    <message>
        <source>&amp;Print the figures…</source>
        <translation>In &amp;bảng số liệu…</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Edit target</source>
        <translation>Sửa chỉ tiêu</translation>
    </message>
    <message>
        <source>New target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <source>— choose the lowest level —</source>
        <translation>— chọn mức thấp nhất —</translation>
    </message>
    <message>
        <source>at &amp;most (a ceiling: met while not above it)</source>
        <translation>tối đ&amp;a (mức trần: đạt khi không vượt)</translation>
    </message>
    <message>
        <source>blank: the plan&apos;s period (%1)</source>
        <translation>để trống: thời gian của kế hoạch (%1)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;What is counted:</source>
        <translation>Đếm &amp;gì:</translation>
    </message>
    <message>
        <source>Target &amp;group:</source>
        <translation>Đối tượ&amp;ng:</translation>
    </message>
    <message>
        <source>&amp;Programmes:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>&amp;Standard:</source>
        <translation>Tiêu ch&amp;uẩn:</translation>
    </message>
    <message>
        <source>G&amp;oal:</source>
        <translation>&amp;Mức chỉ tiêu:</translation>
    </message>
    <message>
        <source>&amp;Counted:</source>
        <translation>Tính t&amp;heo:</translation>
    </message>
    <message>
        <source>O&amp;wn dates:</source>
        <translation>Thời gian &amp;riêng:</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (đã xóa)</translation>
    </message>
    <message>
        <source>A person counts once they completed a class of a ticked programme.</source>
        <translation>Một người được tính khi đã hoàn thành một lớp của chương trình được đánh dấu.</translation>
    </message>
    <message>
        <source>Only classes of the ticked programmes count; none ticked: every class.</source>
        <translation>Chỉ tính các lớp của chương trình được đánh dấu; không đánh dấu: tính mọi lớp.</translation>
    </message>
    <message>
        <source>at least:</source>
        <translation>từ mức:</translation>
    </message>
    <message>
        <source>one of:</source>
        <translation>là một trong:</translation>
    </message>
    <message>
        <source>Spending of the classes that end in the year, against that year&apos;s estimate (the yearly plan).</source>
        <translation>Kinh phí đã chi của các lớp kết thúc trong năm, so với dự toán của kế hoạch năm đó.</translation>
    </message>
    <message>
        <source>The plan has no yearly estimates yet: set them with Edit plan.</source>
        <translation>Kế hoạch chưa có dự toán năm nào: hãy ghi dự toán bằng nút Sửa kế hoạch.</translation>
    </message>
    <message>
        <source>%1 of the plan&apos;s yearly estimates (%2 in all).</source>
        <translation>%1 trên tổng dự toán các kế hoạch năm (%2).</translation>
    </message>
    <message>
        <source>Classes held</source>
        <translation>Số lớp đã tổ chức</translation>
    </message>
    <message>
        <source>Enrolments (lượt học viên)</source>
        <translation>Lượt học viên</translation>
    </message>
    <message>
        <source>Completions (lượt hoàn thành)</source>
        <translation>Lượt hoàn thành</translation>
    </message>
    <message>
        <source>Over the whole period</source>
        <translation>Cả giai đoạn</translation>
    </message>
    <message>
        <source>Every year (the calendar year counted to)</source>
        <translation>Hằng năm (năm của ngày tính đến)</translation>
    </message>
    <message>
        <source>Political theory level</source>
        <translation>Trình độ lý luận chính trị</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>Trình độ học vấn</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Working status</source>
        <translation>Chế độ công tác</translation>
    </message>
</context>
<context>
    <name>TargetGroupDialog</name>
    <message>
        <source>Enrol the target group of a unit</source>
        <translation>Ghi danh theo đối tượng của đơn vị</translation>
    </message>
    <message>
        <source>(the whole office)</source>
        <translation>(toàn đơn vị)</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Target group:</source>
        <translation>Đối tượng:</translation>
    </message>
    <message>
        <source>Finding the target group…</source>
        <translation>Đang tìm người thuộc đối tượng…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln people of the target group have not had this programme and are not in this class. Beyond the capacity they go to the waiting list.</source>
        <translation>
            <numerusform>%Ln người thuộc đối tượng chưa học chương trình này và chưa có trong lớp. Số vượt sĩ số tối đa sẽ vào danh sách chờ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody left to enrol: everyone in the target group here has had the programme or is already enrolled.</source>
        <translation>Không còn ai để ghi danh: mọi người thuộc đối tượng ở đây đã học chương trình này hoặc đã được ghi danh.</translation>
    </message>
    <message numerus="yes">
        <source>Enrol %Ln people</source>
        <translation>
            <numerusform>Ghi danh %Ln người</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetGroupEditor</name>
    <message>
        <source>Add condition…</source>
        <translation>Thêm điều kiện…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Target group: %1</source>
        <translation>Đối tượng: %1</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>not begun</source>
        <translation>chưa đến thời gian tính</translation>
    </message>
    <message>
        <source>Counted over %1</source>
        <translation>Tính trong khoảng %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Chỉ tiêu đề ra</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Trên tổng số</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Lượt học viên</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Yearly estimate</source>
        <translation>Dự toán kế hoạch năm</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Số lớp</translation>
    </message>
    <message>
        <source>Classes&apos; estimates</source>
        <translation>Dự toán của các lớp</translation>
    </message>
    <message>
        <source>Spent of the estimate</source>
        <translation>Tỷ lệ thực hiện</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Trained (coverage)</source>
        <translation>Tỷ lệ được bồi dưỡng</translation>
    </message>
    <message>
        <source>Meeting a standard (share)</source>
        <translation>Tỷ lệ đạt chuẩn</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <source>6-month review</source>
        <translation>Sơ kết 6 tháng</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>Tổng kết năm</translation>
    </message>
    <message>
        <source>Mid-term review</source>
        <translation>Sơ kết giữa kỳ</translation>
    </message>
    <message>
        <source>Final review</source>
        <translation>Tổng kết giai đoạn</translation>
    </message>
    <message>
        <source>Lecturers&apos; and speakers&apos; fees</source>
        <translation>Thù lao giảng viên, báo cáo viên</translation>
    </message>
    <message>
        <source>Hall and equipment</source>
        <translation>Hội trường, thiết bị</translation>
    </message>
    <message>
        <source>Materials and stationery</source>
        <translation>Tài liệu, văn phòng phẩm</translation>
    </message>
    <message>
        <source>Allowances for participants (people × days)</source>
        <translation>Hỗ trợ học viên (người × ngày)</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Chi khác</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa đạt</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <source>The figures count what was recorded up to this day.</source>
        <translation>Số liệu tính những gì đã ghi nhận đến hết ngày này.</translation>
    </message>
    <message>
        <source>Count one office (and those below it) only</source>
        <translation>Chỉ tính một đơn vị (và các đơn vị trực thuộc)</translation>
    </message>
    <message>
        <source>Training &amp;report…</source>
        <translation>&amp;Báo cáo công tác bồi dưỡng…</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Chỉ tiêu</translation>
    </message>
    <message>
        <source>Plan &amp;budget</source>
        <translation>Kinh &amp;phí kế hoạch</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Kế hoạch:</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>Tính đến &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <source>Choose a target to see its people and units.</source>
        <translation>Chọn một chỉ tiêu để xem danh sách và các đơn vị.</translation>
    </message>
    <message>
        <source>This office has no plan with targets yet.</source>
        <translation>Đơn vị chưa có kế hoạch nào có chỉ tiêu.</translation>
    </message>
    <message>
        <source>period %1</source>
        <translation>giai đoạn %1</translation>
    </message>
    <message>
        <source>%1 of %2 targets met</source>
        <translation>đạt %1/%2 chỉ tiêu</translation>
    </message>
    <message>
        <source>not-yet-met</source>
        <translation>chua-dat-chi-tieu</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 (%Ln people not yet met)</source>
        <translation>
            <numerusform>Đã xuất %1 (%Ln người chưa đạt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Chỉ tiêu: %1</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Planned</source>
        <translation>Dự kiến</translation>
    </message>
    <message>
        <source>Open for enrolment</source>
        <translation>Đang ghi danh</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Đang học</translation>
    </message>
    <message>
        <source>Ended, to be closed</source>
        <translation>Đã học xong, chờ kết thúc lớp</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Kết hợp</translation>
    </message>
    <message>
        <source>Title-based</source>
        <translation>Theo chức danh</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Chuyên môn, nghiệp vụ</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Kỹ năng</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Không hoàn thành</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>Giảng viên</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Phòng học</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Học viên</translation>
    </message>
</context>
<context>
    <name>TrainingHistoryBox</name>
    <message>
        <source>Training</source>
        <translation>Quá trình bồi dưỡng</translation>
    </message>
    <message>
        <source>No training classes yet.</source>
        <translation>Chưa tham gia lớp bồi dưỡng nào.</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>&amp;Classes</source>
        <translation>&amp;Lớp</translation>
    </message>
    <message>
        <source>Pro&amp;grammes</source>
        <translation>&amp;Chương trình</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp:</translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>Add unit below…</source>
        <translation>Thêm đơn vị trực thuộc…</translation>
    </message>
    <message>
        <source>Rename unit…</source>
        <translation>Đổi tên đơn vị…</translation>
    </message>
    <message>
        <source>Dissolve or merge unit…</source>
        <translation>Giải thể hoặc sáp nhập…</translation>
    </message>
    <message>
        <source>New unit below %1</source>
        <translation>Thêm đơn vị trực thuộc %1</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Đơn vị mới</translation>
    </message>
    <message>
        <source>Unit %1 added</source>
        <translation>Đã thêm đơn vị %1</translation>
    </message>
    <message>
        <source>Rename unit</source>
        <translation>Đổi tên đơn vị</translation>
    </message>
    <message>
        <source>Unit renamed</source>
        <translation>Đã đổi tên đơn vị</translation>
    </message>
    <message>
        <source>Unit %1 closed</source>
        <translation>Đã giải thể/sáp nhập đơn vị %1</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>%1 (dissolved)</source>
        <translation>%1 (đã giải thể)</translation>
    </message>
    <message>
        <source>%1 (merged)</source>
        <translation>%1 (đã sáp nhập)</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Đến %1</translation>
    </message>
</context>
</TS>
