# ruff: noqa: E501
"""Vietnamese translations of the documents app, for tools/po_fill.py (msgid → msgstr)."""

T = {
    # Deadlines of the review rounds (reminders).
    "End of comments: %(draft)s (draft no. %(n)d)": "Kết thúc góp ý: %(draft)s (dự thảo lần %(n)d)",
    "Answer every comment: %(draft)s (draft no. %(n)d)": "Tiếp thu, giải trình góp ý: %(draft)s (dự thảo lần %(n)d)",
    "Draft documents": "Văn kiện",
    "Draft version %(n)d": "Dự thảo lần %(n)d",
    "Draft version %(n)s": "Dự thảo lần %(n)s",
    "Copy no. %(n)02d – %(name)s": "Bản số %(n)02d – %(name)s",
    "Copy no. %(n)02d · issued to %(name)s · %(date)s · do not copy": (
        "Bản số %(n)02d · cấp cho %(name)s · ngày %(date)s · không sao chụp"
    ),
    "Register of comments received and how they were handled": "Bảng tổng hợp tiếp thu, giải trình ý kiến góp ý",
    "%(draft)s – draft version %(n)d – %(round)s": "%(draft)s – dự thảo lần %(n)d – %(round)s",
    "The whole document": "Toàn văn dự thảo",
    "Paragraph %(label)s: “%(text)s”": "Đoạn %(label)s: “%(text)s”",
    "I. SUMMARY": "I. TỔNG HỢP CHUNG",
    "Comments received: %(n)d.": "Tổng số ý kiến nhận được: %(n)d.",
    "Comments received: %(n)s.": "Tổng số ý kiến nhận được: %(n)s.",
    "Disposition": "Hình thức xử lý",
    "Comments": "Số ý kiến",
    "By commenting organization:": "Theo đơn vị, cá nhân góp ý:",
    "Organization or person": "Đơn vị, cá nhân góp ý",
    "Invited organizations that sent no comment: %(names)s.": "Đơn vị được xin ý kiến nhưng chưa có ý kiến: %(names)s.",
    "Invited organizations that sent no comment:": "Đơn vị được xin ý kiến nhưng chưa có ý kiến:",
    "II. COMMENTS AND THEIR HANDLING, PARAGRAPH BY PARAGRAPH": "II. Ý KIẾN GÓP Ý VÀ VIỆC TIẾP THU, GIẢI TRÌNH THEO TỪNG ĐOẠN",
    "No.": "STT",
    "Comment": "Nội dung góp ý",
    "Proposed text": "Đề xuất sửa thành",
    "By": "Người, đơn vị góp ý",
    "Response": "Nội dung tiếp thu, giải trình",
    "Landed in": "Vị trí trong dự thảo sau",
    "Not yet disposed": "Chưa xử lý",
    "ON BEHALF OF THE DOCUMENTS SUBCOMMITTEE": "T/M TIỂU BAN VĂN KIỆN",
    "Consolidation register": "Bảng tổng hợp",
    "Paragraph": "Đoạn",
    "Received": "Ngày nhận",
    "whole document": "toàn văn",
    "Counts": "Thống kê",
    "Total": "Tổng cộng",
    "text": "nội dung",
    "One paragraph per line. Start a line with “# ” for a section heading, “## ” or “### ” for a sub-heading. "
    "Sections are numbered 1, 2, 3…; paragraphs 1.1, 1.2…": (
        "Mỗi dòng là một đoạn. Dòng bắt đầu bằng “# ” là tiêu đề phần, “## ” hoặc “### ” là tiêu đề mục. "
        "Các phần được đánh số 1, 2, 3…; các đoạn 1.1, 1.2…"
    ),
    "or a Word file (.docx)": "hoặc tệp Word (.docx)",
    "Headings are taken from the Heading 1–3 styles. Not password-protected.": (
        "Tiêu đề lấy theo kiểu Heading 1–3. Tệp không được đặt mật khẩu."
    ),
    "what changed": "nội dung chỉnh sửa",
    "Either type the text or upload a file, not both.": "Chỉ nhập nội dung hoặc tải tệp lên, không làm cả hai.",
    "Type the text or upload a Word (.docx) file.": "Hãy nhập nội dung hoặc tải lên tệp Word (.docx).",
    "Carry the comments of the previous version over to this one": "Chuyển các ý kiến của dự thảo trước sang dự thảo này",
    "move to": "chuyển sang",
    "note": "ghi chú",
    "opens on": "ngày bắt đầu",
    "closes on": "ngày kết thúc",
    "Last day on which comments are taken.": "Ngày cuối cùng nhận ý kiến góp ý.",
    "dispositions due by": "hạn hoàn thành tiếp thu, giải trình",
    "your comment": "ý kiến của đồng chí",
    "proposed text (optional)": "đề xuất sửa thành (nếu có)",
    "paragraph": "đoạn",
    "comment by (person)": "người góp ý",
    "Leave empty for a comment of the organization itself.": "Để trống nếu là ý kiến của tập thể đơn vị.",
    "organization": "đơn vị",
    "received as": "hình thức nhận",
    "comment": "nội dung góp ý",
    "proposed text": "đề xuất sửa thành",
    "Say who made the comment: a person or an organization.": "Hãy ghi rõ người hoặc đơn vị góp ý.",
    "disposition": "hình thức xử lý",
    "response": "nội dung tiếp thu, giải trình",
    "Required unless the comment is accepted.": "Bắt buộc, trừ trường hợp tiếp thu toàn bộ.",
    "landed in paragraph": "đã thể hiện tại đoạn",
    "Tick the comments to dispose.": "Hãy đánh dấu các ý kiến cần xử lý.",
    "comment by": "người, đơn vị góp ý",
    "All": "Tất cả",
    "from version": "từ dự thảo",
    "to version": "đến dự thảo",
    "Only the changes": "Chỉ hiện chỗ thay đổi",
    "recipient": "người nhận",
    "recipient's account": "tài khoản người nhận",
    "If set, this person can download his copy himself.": "Nếu chọn, người này tự tải được bản của mình.",
    "Name the recipient of the copy.": "Hãy ghi tên người nhận bản tài liệu.",
    "Political report": "Báo cáo chính trị",
    "Executive committee self-review report": "Báo cáo kiểm điểm của Ban Chấp hành",
    "Action programme": "Chương trình hành động",
    "Resolution": "Nghị quyết",
    "Other document": "Văn kiện khác",
    "Drafting": "Đang soạn thảo",
    "Standing Committee review": "Ban Thường vụ cho ý kiến",
    "Approved by the executive committee": "Ban Chấp hành đã thông qua",
    "Comments from the upper level": "Xin ý kiến cấp trên",
    "Submitted to the congress": "Đã trình Đại hội",
    "Adopted by the congress": "Đại hội đã thông qua",
    "title": "tên",
    "kind": "loại",
    "owner subcommittee": "tiểu ban chủ trì",
    "responsible drafters": "người chịu trách nhiệm soạn thảo",
    "status": "trạng thái",
    "confidential": "mật",
    "Circulated only as numbered, watermarked copies, each with a download log.": (
        "Chỉ phát hành bản có đánh số, in dấu tên người nhận; ghi nhật ký mỗi lần tải."
    ),
    "created": "ngày tạo",
    "updated": "cập nhật",
    "draft document": "dự thảo văn kiện",
    "draft documents": "dự thảo văn kiện",
    "This congress already has a draft with this title.": "Đại hội đã có dự thảo mang tên này.",
    "from": "từ",
    "to": "sang",
    "version": "dự thảo lần",
    "version no.": "lần dự thảo",
    "draft version": "bản dự thảo",
    "by": "người thực hiện",
    "when": "thời điểm",
    "approval step": "bước thẩm định, thông qua",
    "approval steps": "các bước thẩm định, thông qua",
    "Typed or pasted text": "Nhập trực tiếp",
    "Uploaded Word file": "Tệp Word tải lên",
    "made from": "nguồn",
    "file name": "tên tệp",
    "uploaded file": "tệp tải lên",
    "paragraphs": "số đoạn",
    "published": "đã phát hành",
    "versions": "các lần dự thảo",
    "This draft already has a version being edited; publish or change it.": (
        "Dự thảo đang có một bản đang biên tập; hãy phát hành hoặc sửa bản đó."
    ),
    "Heading": "Tiêu đề",
    "place in the text": "thứ tự trong văn bản",
    "number": "số hiệu",
    "heading level": "cấp tiêu đề",
    "version under review": "dự thảo đưa ra lấy ý kiến",
    "Every comment has an answer by this day.": "Mọi ý kiến phải được tiếp thu, giải trình trước ngày này.",
    "invited reviewers": "người được mời góp ý",
    "invited organizations": "đơn vị được xin ý kiến",
    "reviewers see each other's comments": "người góp ý xem được ý kiến của nhau",
    "Otherwise a reviewer sees only his own comments.": "Nếu không, mỗi người chỉ xem được ý kiến của mình.",
    "instructions to reviewers": "hướng dẫn cho người góp ý",
    "handled": "đã xử lý xong",
    "review round": "đợt lấy ý kiến",
    "review rounds": "đợt lấy ý kiến",
    "The round cannot close before it opens.": "Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu.",
    "Dispositions cannot be due before the round closes.": "Hạn tiếp thu, giải trình không được trước ngày kết thúc lấy ý kiến.",
    "This draft already has a review round with this title.": "Dự thảo đã có đợt lấy ý kiến mang tên này.",
    "Written in the application": "Góp ý trực tuyến",
    "Written submission": "Văn bản góp ý",
    "Conference or meeting": "Ý kiến tại hội nghị",
    "Discussion at the congress": "Thảo luận tại Đại hội",
    "Accepted": "Tiếp thu",
    "Partly accepted": "Tiếp thu một phần",
    "Explained, not accepted": "Giải trình, không tiếp thu",
    "Noted (outside the document's scope)": "Ghi nhận (ngoài phạm vi văn kiện)",
    "no.": "số",
    "Empty: a comment on the whole document.": "Để trống: ý kiến về toàn văn dự thảo.",
    "reviewer": "người góp ý",
    "source": "hình thức",
    "recorded by": "người ghi nhận",
    "received": "ngày nhận",
    "carried to": "chuyển sang đoạn",
    "The paragraph of the next version where the comment was taken into account.": (
        "Đoạn của dự thảo sau nơi ý kiến đã được tiếp thu."
    ),
    "disposed": "ngày xử lý",
    "comments": "ý kiến",
    "Write the response: it is required unless the comment is accepted.": (
        "Hãy ghi nội dung tiếp thu, giải trình: bắt buộc, trừ khi tiếp thu toàn bộ ý kiến."
    ),
    "Say who made the comment.": "Hãy ghi rõ người góp ý.",
    "Waiting": "Đang chờ",
    "Running": "Đang thực hiện",
    "Ready": "Đã xong",
    "Could not be made": "Không tạo được",
    "format": "định dạng",
    "progress (%)": "tiến độ (%)",
    "file": "tệp",
    "error": "lỗi",
    "requested": "thời điểm yêu cầu",
    "finished": "thời điểm xong",
    "register export": "bản xuất bảng tổng hợp",
    "register exports": "các bản xuất bảng tổng hợp",
    "copy no.": "bản số",
    "issued": "ngày cấp",
    "circulated copy": "bản phát hành có đánh số",
    "circulated copies": "các bản phát hành có đánh số",
    "IP address": "địa chỉ IP",
    "copy download": "lượt tải bản tài liệu",
    "copy downloads": "nhật ký tải bản tài liệu",
    "The document has no text: nothing to number.": "Tài liệu không có nội dung để đánh số.",
    "The document has %(n)d paragraphs; at most %(max)d are accepted.": (
        "Tài liệu có %(n)d đoạn; chỉ nhận tối đa %(max)d đoạn."
    ),
    "Paragraph %(n)d is longer than %(max)d characters; split it.": "Đoạn thứ %(n)d dài quá %(max)d ký tự; hãy tách đoạn.",
    "The text is longer than %(max)d characters.": "Nội dung dài quá %(max)d ký tự.",
    "The file could not be read as a Word document: it may be damaged. Open it in Word, save it again as .docx "
    "and upload it again.": (
        "Không đọc được tệp Word này: tệp có thể đã bị hỏng. Hãy mở tệp bằng Word, lưu lại dưới dạng .docx "
        "rồi tải lên lại."
    ),
    "The document is too large once unpacked.": "Tài liệu quá lớn sau khi giải nén.",
    "No such congress.": "Không tìm thấy đại hội.",
    "Your role in this congress does not include the draft documents.": (
        "Vai trò của đồng chí trong đại hội này không bao gồm công tác văn kiện."
    ),
    "No such draft.": "Không tìm thấy dự thảo.",
    "Only the secretariat and the Documents subcommittee's leaders can change this.": (
        "Chỉ bộ phận thư ký và lãnh đạo Tiểu ban Văn kiện được thay đổi nội dung này."
    ),
    "No such version.": "Không tìm thấy bản dự thảo.",
    "Only the secretariat and the Documents subcommittee can do this.": (
        "Chỉ bộ phận thư ký và Tiểu ban Văn kiện được thực hiện việc này."
    ),
    "No such review round.": "Không tìm thấy đợt lấy ý kiến.",
    "Only the secretariat and the Documents subcommittee handle the comments.": (
        "Chỉ bộ phận thư ký và Tiểu ban Văn kiện xử lý các ý kiến góp ý."
    ),
    "No such comment.": "Không tìm thấy ý kiến.",
    "No such export.": "Không tìm thấy bản xuất.",
    "No such copy.": "Không tìm thấy bản tài liệu.",
    "Individuals": "Cá nhân",
    "This subcommittee belongs to another congress.": "Tiểu ban này thuộc đại hội khác.",
    "A draft in “%(now)s” cannot go to “%(to)s”.": "Dự thảo đang ở bước “%(now)s” không thể chuyển sang “%(to)s”.",
    "Unknown status.": "Trạng thái không hợp lệ.",
    "Publish a version first: there is nothing to submit.": "Hãy phát hành một bản dự thảo trước: chưa có gì để trình.",
    "Comments on version %(n)d still wait for a disposition.": (
        "Còn ý kiến góp ý vào dự thảo lần %(n)d chưa được tiếp thu, giải trình."
    ),
    "A published version never changes: create a new version instead.": (
        "Bản dự thảo đã phát hành không được sửa: hãy tạo bản dự thảo mới."
    ),
    "Comments already point into this version; create a new version instead.": (
        "Đã có ý kiến gắn với bản này; hãy tạo bản dự thảo mới."
    ),
    "This version is already published.": "Bản dự thảo này đã được phát hành.",
    "The version has no text.": "Bản dự thảo chưa có nội dung.",
    "Choose the version to review.": "Hãy chọn bản dự thảo đưa ra lấy ý kiến.",
    "This version belongs to another draft.": "Bản này thuộc dự thảo khác.",
    "Only a published version can be sent out for comments.": "Chỉ bản dự thảo đã phát hành mới được đưa ra lấy ý kiến.",
    "Comments were already made on this version; open a new round.": (
        "Đã có ý kiến góp ý vào bản này; hãy mở đợt lấy ý kiến mới."
    ),
    "This organization belongs to another congress.": "Đơn vị này thuộc đại hội khác.",
    "This round is already marked as handled.": "Đợt lấy ý kiến này đã được đánh dấu xử lý xong.",
    "%(n)d comment(s) still have no disposition: every comment gets one before the round is handled.": (
        "Còn %(n)d ý kiến chưa được tiếp thu, giải trình: mọi ý kiến phải được xử lý trước khi kết thúc đợt."
    ),
    "This round has been handled: it takes no more comments.": "Đợt lấy ý kiến đã xử lý xong: không nhận thêm ý kiến.",
    "The round closed on %(date)s: no more comments are taken.": (
        "Đợt lấy ý kiến đã kết thúc ngày %(date)s: không nhận thêm ý kiến."
    ),
    "The round opens on %(date)s: comments are taken from that day.": (
        "Đợt lấy ý kiến bắt đầu từ ngày %(date)s: ý kiến được nhận từ ngày đó."
    ),
    "The round closed on %(d)s: no more comments are taken.": (
        "Đợt lấy ý kiến đã kết thúc ngày %(d)s: không nhận thêm ý kiến."
    ),
    "The round opens on %(d)s: comments are taken from that day.": (
        "Đợt lấy ý kiến bắt đầu từ ngày %(d)s: ý kiến được nhận từ ngày đó."
    ),
    "This paragraph is not part of the version under review.": "Đoạn này không thuộc bản dự thảo đang lấy ý kiến.",
    "Write the comment.": "Hãy ghi nội dung góp ý.",
    "A comment has at most %(max)d characters (this one has %(n)d).": (
        "Mỗi ý kiến tối đa %(max)d ký tự (ý kiến này có %(n)d ký tự)."
    ),
    "The proposed text has at most %(max)d characters.": "Nội dung đề xuất tối đa %(max)d ký tự.",
    "Say how the comment was received.": "Hãy chọn hình thức nhận ý kiến.",
    "Choose a disposition.": "Hãy chọn hình thức xử lý.",
    "A response has at most %(max)d characters.": "Nội dung tiếp thu, giải trình tối đa %(max)d ký tự.",
    "Choose a paragraph of a later version of this draft.": "Hãy chọn một đoạn của bản dự thảo sau.",
    "someone else": "Một người khác",
    "%(who)s changed the disposition of comment no. %(n)d while you were editing it (now: %(now)s). "
    "Your answer was not saved: read theirs, then save again if needed.": (
        "%(who)s đã xử lý ý kiến số %(n)d trong lúc đồng chí đang soạn (hiện là: %(now)s). "
        "Nội dung của đồng chí chưa được lưu: hãy đọc nội dung đã có, rồi lưu lại nếu cần."
    ),
    "Only a published version can be circulated.": "Chỉ bản dự thảo đã phát hành mới được phát hành có đánh số.",
    "Proposed text:": "Đề xuất sửa thành:",
    "Paragraph %(label)s": "Đoạn %(label)s",
    "%(n)s comment": "%(n)s ý kiến",
    "Your comment was recorded. Thank you.": "Ý kiến của đồng chí đã được ghi nhận. Xin cảm ơn.",
    "No comment on this paragraph yet.": "Chưa có ý kiến về đoạn này.",
    "You have not commented on this paragraph yet.": "Đồng chí chưa góp ý về đoạn này.",
    "Send the comment": "Gửi ý kiến",
    "Drafts you are invited to review": "Dự thảo đồng chí được mời góp ý",
    "Comments on drafts waiting for an answer": "Ý kiến góp ý dự thảo đang chờ tiếp thu, giải trình",
    "open until %(d)s": "nhận ý kiến đến %(d)s",
    "closed": "đã kết thúc",
    "%(n)s comment of yours": "%(n)s ý kiến của đồng chí",
    "%(n)s without disposition": "%(n)s ý kiến chưa xử lý",
    "due %(d)s": "hạn %(d)s",
    "saved": "đã lưu",
    "landed in": "thể hiện tại",
    "Change": "Sửa",
    "Answer": "Xử lý",
    "comment no. %(n)s": "ý kiến số %(n)s",
    "Someone else disposed this comment while you were editing it. Their answer is shown below; your answer "
    "was not saved. Save again to replace theirs.": (
        "Người khác đã xử lý ý kiến này trong lúc đồng chí đang soạn. Nội dung của họ hiện bên dưới; nội dung "
        "của đồng chí chưa được lưu. Lưu lại nếu muốn thay nội dung đó."
    ),
    "Save the disposition": "Lưu kết quả xử lý",
    "Progress": "Tiến độ",
    "Download": "Tải về",
    "The export failed. Try again; if it fails again, tell the administrator.": (
        "Xuất tệp không thành công. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống."
    ),
    "Drafts": "Văn kiện",
    "My reviews": "Góp ý dự thảo",
    "Comment no. %(n)s": "Ý kiến số %(n)s",
    "Dispositions": "Tiếp thu, giải trình",
    "Record a comment received": "Ghi nhận ý kiến góp ý",
    "A written submission, or a comment made at a conference or meeting, recorded on behalf of a person or an "
    "organization.": (
        "Ý kiến bằng văn bản, hoặc phát biểu tại hội nghị, cuộc họp, được ghi nhận thay cho cá nhân hoặc đơn vị."
    ),
    "Record": "Ghi nhận",
    "Back to the draft": "Quay lại dự thảo",
    "Numbered copies": "Bản đánh số",
    "Controlled circulation: numbered copies": "Phát hành có kiểm soát: các bản có đánh số",
    "Each copy is a PDF with the recipient's name and the copy number on every page. Every download is logged.": (
        "Mỗi bản là một tệp PDF in tên người nhận và số bản trên từng trang. Mỗi lần tải đều được ghi nhật ký."
    ),
    "Copy no.": "Bản số",
    "Recipient": "Người nhận",
    "Issued": "Ngày cấp",
    "Downloads": "Nhật ký tải",
    "not downloaded yet": "chưa tải",
    "No copy issued yet.": "Chưa cấp bản nào.",
    "Issue a copy": "Cấp bản có đánh số",
    "Issue the copy": "Cấp bản",
    "Compare versions": "So sánh các lần dự thảo",
    "Compare": "So sánh",
    "%(n)s changed": "%(n)s đoạn sửa",
    "%(n)s added": "%(n)s đoạn thêm",
    "%(n)s removed": "%(n)s đoạn bỏ",
    "%(n)s unchanged": "%(n)s đoạn giữ nguyên",
    "Legend:": "Chú thích:",
    "inserted text": "chữ thêm vào",
    "deleted text": "chữ bị bỏ",
    "Changes from version %(a)s to version %(b)s": "Thay đổi từ dự thảo lần %(a)s sang lần %(b)s",
    "Text": "Nội dung",
    "Changed paragraph:": "Đoạn được sửa:",
    "inserted:": "thêm:",
    "deleted:": "bỏ:",
    "paragraph added:": "đoạn thêm mới:",
    "paragraph removed:": "đoạn bị bỏ:",
    "No difference.": "Không có thay đổi.",
    "Back to the dispositions": "Quay lại trang tiếp thu, giải trình",
    "Answering the comments": "Tiếp thu, giải trình ý kiến góp ý",
    "Filter": "Lọc",
    "Marked as handled on %(d)s by %(who)s.": "Đã xử lý xong ngày %(d)s, người xác nhận: %(who)s.",
    "Reopen for dispositions": "Mở lại để xử lý tiếp",
    "%(n)s comment still has no disposition": "Còn %(n)s ý kiến chưa được tiếp thu, giải trình",
    "Left, by paragraph:": "Còn lại theo đoạn:",
    "The round can be marked as handled once every comment has its disposition.": (
        "Chỉ kết thúc đợt khi mọi ý kiến đã được tiếp thu, giải trình."
    ),
    "Every comment has its disposition.": "Mọi ý kiến đã được tiếp thu, giải trình.",
    "Mark the round as handled": "Xác nhận đã xử lý xong đợt lấy ý kiến",
    "Select all comments on this page": "Chọn tất cả ý kiến trên trang này",
    "Disposition and response": "Tiếp thu, giải trình",
    "Select comment no. %(n)s": "Chọn ý kiến số %(n)s",
    "whole": "toàn văn",
    "No comment matches.": "Không có ý kiến phù hợp.",
    "Dispose of the ticked comments at once": "Xử lý cùng lúc các ý kiến đã đánh dấu",
    "Apply": "Áp dụng",
    "New version": "Dự thảo mới",
    "New review round": "Đợt lấy ý kiến mới",
    "Edit": "Sửa",
    "Responsible drafters": "Người chịu trách nhiệm soạn thảo",
    "Versions": "Các lần dự thảo",
    "Version": "Dự thảo",
    "State": "Tình trạng",
    "Made from": "Nguồn",
    "Paragraphs": "Số đoạn",
    "What changed": "Nội dung chỉnh sửa",
    "being edited": "đang biên tập",
    "%(n)s copy": "%(n)s bản",
    "No version yet: type the text or upload a Word file.": "Chưa có bản dự thảo: hãy nhập nội dung hoặc tải tệp Word lên.",
    "Review rounds": "Các đợt lấy ý kiến",
    "Round": "Đợt",
    "Comments taken": "Thời gian nhận ý kiến",
    "Without disposition": "Chưa xử lý",
    "open": "đang nhận ý kiến",
    "not yet open": "chưa bắt đầu",
    "No review round yet.": "Chưa có đợt lấy ý kiến.",
    "Approval": "Trình duyệt",
    "Move": "Chuyển",
    "Approval timeline": "Quá trình trình duyệt",
    "Not yet submitted for approval.": "Chưa trình duyệt.",
    "New draft": "Dự thảo văn kiện mới",
    "Edit the draft": "Sửa thông tin dự thảo",
    "%(n)s draft": "%(n)s dự thảo",
    "Draft": "Dự thảo",
    "Kind": "Loại",
    "Owner subcommittee": "Tiểu ban chủ trì",
    "Status": "Trạng thái",
    "No draft yet.": "Chưa có dự thảo.",
    "Move the draft along the approval flow": "Chuyển bước trình duyệt dự thảo",
    "Cancel": "Hủy",
    "Export of the register": "Xuất bảng tổng hợp",
    "A large register is prepared in the background; this page follows its progress.": (
        "Bảng tổng hợp lớn được chuẩn bị ở chế độ nền; trang này theo dõi tiến độ."
    ),
    "Page": "Trang",
    "Register of comments": "Bảng tổng hợp ý kiến",
    "By disposition": "Theo hình thức xử lý",
    "By commenting organization": "Theo đơn vị, cá nhân góp ý",
    "Partly": "Một phần",
    "Explained": "Giải trình",
    "Noted": "Ghi nhận",
    "Recent exports": "Các lần xuất gần đây",
    "No comment in this round.": "Đợt này chưa có ý kiến.",
    "Open a draft, click a paragraph and write your comment. You see your own comments; the Documents "
    "subcommittee answers every one of them.": (
        "Mở dự thảo, bấm vào một đoạn và ghi ý kiến. Đồng chí xem được ý kiến của mình; Tiểu ban Văn kiện "
        "tiếp thu, giải trình từng ý kiến."
    ),
    "Review round": "Đợt lấy ý kiến",
    "Your comments": "Ý kiến của đồng chí",
    "You are not invited to review any draft yet.": "Đồng chí chưa được mời góp ý dự thảo nào.",
    "Edit the review round": "Sửa đợt lấy ý kiến",
    "Invited reviewers see this draft and comment on it until the closing date; comments from invited "
    "organizations are recorded by the secretariat.": (
        "Người được mời xem dự thảo và góp ý đến ngày kết thúc; ý kiến của các đơn vị được xin ý kiến do bộ phận "
        "thư ký ghi nhận."
    ),
    "comments taken %(a)s – %(b)s": "nhận ý kiến từ %(a)s đến %(b)s",
    "Edit the round": "Sửa đợt",
    "Click a paragraph to read its comments and write yours.": "Bấm vào một đoạn để xem ý kiến và ghi ý kiến của đồng chí.",
    "Click a paragraph to read its comments.": "Bấm vào một đoạn để xem ý kiến.",
    "Choose a paragraph on the left: its comments appear here.": "Chọn một đoạn bên trái: ý kiến về đoạn đó hiện ở đây.",
    "version %(n)s": "dự thảo lần %(n)s",
    "%(n)s numbered paragraph": "%(n)s đoạn đánh số",
    "Compare with v%(n)s": "So với lần %(n)s",
    "Edit the text": "Sửa nội dung",
    "Carry the open comments of v%(n)s over to this version (paragraphs matched by their text)": (
        "Chuyển các ý kiến chưa xử lý của lần %(n)s sang bản này (đối chiếu đoạn theo nội dung)"
    ),
    "A published version never changes. Publish it?": "Bản đã phát hành sẽ không sửa được nữa. Phát hành?",
    "Publish this version": "Phát hành bản dự thảo này",
    "Check the numbering below first: once published, the text can no longer change.": (
        "Hãy kiểm tra việc đánh số bên dưới: sau khi phát hành, nội dung không sửa được nữa."
    ),
    "Review rounds on this version": "Các đợt lấy ý kiến vào bản này",
    "open comments carried over from the previous version": "ý kiến chưa xử lý chuyển từ dự thảo trước",
    "Edit version %(n)s": "Sửa dự thảo lần %(n)s",
    "The text of version %(n)s is filled in: change it, or upload a Word file instead. A published version never "
    "changes; this makes a new one.": (
        "Nội dung lần %(n)s đã được điền sẵn: hãy chỉnh sửa, hoặc tải tệp Word lên. Bản đã phát hành không sửa "
        "được; thao tác này tạo bản mới."
    ),
    "Type or paste the text, or upload a Word file.": "Nhập hoặc dán nội dung, hoặc tải tệp Word lên.",
    "Save and number the paragraphs": "Lưu và đánh số đoạn",
    "The draft was saved.": "Đã lưu dự thảo.",
    "The draft is now: %(status)s.": "Dự thảo chuyển sang: %(status)s.",
    "Version %(n)d was created with %(p)d numbered paragraphs. Check it, then publish it.": (
        "Đã tạo dự thảo lần %(n)d gồm %(p)d đoạn đánh số. Hãy kiểm tra rồi phát hành."
    ),
    "The version was saved.": "Đã lưu bản dự thảo.",
    "Version %(n)d is published: it will not change any more.": "Dự thảo lần %(n)d đã phát hành: nội dung không thay đổi nữa.",
    "Carry-over: %(carried)d open comment(s) carried to the matching paragraphs, %(landed)d accepted comment(s) "
    "located, %(unmatched)d without a matching paragraph.": (
        "Chuyển ý kiến: %(carried)d ý kiến chưa xử lý đã chuyển sang đoạn tương ứng, %(landed)d ý kiến đã tiếp thu "
        "được xác định vị trí, %(unmatched)d ý kiến không tìm được đoạn tương ứng."
    ),
    "No such format.": "Định dạng không hợp lệ.",
    "A confidential draft is circulated only as numbered copies.": "Dự thảo mật chỉ phát hành dưới dạng bản có đánh số.",
    "There is only one version: nothing to compare yet.": "Mới có một bản dự thảo: chưa có gì để so sánh.",
    "The copy was issued.": "Đã cấp bản có đánh số.",
    "The review round was saved.": "Đã lưu đợt lấy ý kiến.",
    "Publish a version first: only a published version can be sent out for comments.": (
        "Hãy phát hành bản dự thảo trước: chỉ bản đã phát hành mới được đưa ra lấy ý kiến."
    ),
    "No such paragraph.": "Không tìm thấy đoạn.",
    "You are not invited to comment in this round.": "Đồng chí không được mời góp ý trong đợt này.",
    "The comment was recorded.": "Đã ghi nhận ý kiến.",
    "%(n)d comment(s) were disposed.": "Đã xử lý %(n)d ý kiến.",
    "The disposition was saved.": "Đã lưu kết quả xử lý.",
    "The round is open for dispositions again.": "Đợt lấy ý kiến đã được mở lại để xử lý tiếp.",
    "The round is marked as handled: every comment has its disposition.": (
        "Đã xác nhận xử lý xong đợt lấy ý kiến: mọi ý kiến đã được tiếp thu, giải trình."
    ),
    "The register is kept by the Documents subcommittee.": "Bảng tổng hợp do Tiểu ban Văn kiện quản lý.",
    "Choose a format: Word, PDF or Excel.": "Hãy chọn định dạng: Word, PDF hoặc Excel.",
    "The file is not ready.": "Tệp chưa sẵn sàng.",
}
