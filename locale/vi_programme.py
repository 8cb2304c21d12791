# ruff: noqa: E501 (translations read better on one line)
"""Vietnamese for the congress days (programme, congress bodies, votes by show of hands, speakers, hall
screen, printed programme, minutes and archive): msgid → msgstr.

Apply after a root makemessages run:
    .venv/bin/python tools/po_fill.py locale/vi/LC_MESSAGES/django.po locale/vi_programme.py
then `manage.py compile_translations`. Entries shared with other apps keep the wording they already
had (e.g. "Delegate", "Session", "Time").
"""

T = {
    # --- forms
    "Only a delegate of this congress can be chosen.": "Chỉ chọn được đại biểu của Đại hội này.",
    "Choose a session of this congress.": "Chọn một phiên họp của Đại hội này.",
    "Actually started": "Bắt đầu thực tế",
    "Actually ended": "Kết thúc thực tế",
    "Enter a time as hh:mm (for example 14:05).": "Nhập giờ theo dạng hh:mm (ví dụ 14:05).",
    "Role": "Vai trò",
    "Delegate": "Đại biểu",
    "Agenda item": "Nội dung chương trình",
    "Subject": "Vấn đề biểu quyết",
    "Congress body approved": "Cơ quan giúp việc được biểu quyết",
    "Only for the approval of a congress body.": "Chỉ dùng khi biểu quyết danh sách Đoàn Chủ tịch, Đoàn Thư ký hoặc các ban.",
    "Question put to the vote": "Nội dung biểu quyết",
    "Passed with more than half of": "Thông qua khi quá một nửa số",
    "Choose an agenda item of this congress.": "Chọn một nội dung trong chương trình Đại hội này.",
    "For": "Tán thành",
    "Against": "Không tán thành",
    "Abstaining": "Không biểu quyết",
    "Topic": "Nội dung đăng ký phát biểu",
    "Submitted in writing (not read in the hall)": "Gửi tham luận bằng văn bản (không trình bày tại hội trường)",
    "What was said": "Nội dung phát biểu",
    "Paragraph of the draft": "Đoạn của dự thảo",
    "e.g. 2.3; empty: the whole draft.": "Ví dụ 2.3; để trống nếu góp ý chung cho cả dự thảo.",
    "Review round": "Đợt lấy ý kiến",
    "Choose a review round of this draft.": "Chọn một đợt lấy ý kiến của dự thảo này.",
    "Countdown (minutes)": "Đếm ngược (phút)",
    "Announcement on the screen": "Thông báo trên màn hình",
    "Show the last announced result": "Hiển thị kết quả vừa công bố",
    # --- models
    "longest preparatory session (minutes)": "thời lượng tối đa của phiên trù bị (phút)",
    "The preparatory session lasts at most half a day (240 minutes).": "Phiên trù bị không quá nửa ngày (240 phút).",
    "speaking time per speaker (minutes)": "thời gian cho mỗi đại biểu phát biểu (phút)",
    "congress days settings": "thiết lập các ngày Đại hội",
    "The preparatory session lasts between 30 and 720 minutes.": "Phiên trù bị dài từ 30 đến 720 phút.",
    "A speaker gets between 1 and 60 minutes.": "Mỗi đại biểu được phát biểu từ 1 đến 60 phút.",
    "Report": "Báo cáo",
    "Discussion": "Thảo luận",
    "Vote": "Biểu quyết",
    "Election": "Bầu cử",
    "Ceremony": "Nghi thức",
    "session": "phiên họp",
    "order": "thứ tự",
    "kind": "loại",
    "title": "tiêu đề",
    "presented by": "người trình bày",
    "planned duration (minutes)": "thời lượng dự kiến (phút)",
    "draft document": "dự thảo văn kiện",
    "notes": "ghi chú",
    "actually started": "bắt đầu thực tế",
    "actually ended": "kết thúc thực tế",
    "agenda item": "nội dung chương trình",
    "agenda items": "nội dung chương trình",
    "The planned duration is between 1 and 600 minutes.": "Thời lượng dự kiến từ 1 đến 600 phút.",
    "An item ends after it starts.": "Nội dung phải kết thúc sau khi bắt đầu.",
    "Presidium": "Đoàn Chủ tịch",
    "Congress secretariat": "Đoàn Thư ký",
    "Credentials committee": "Ban Thẩm tra tư cách đại biểu",
    "Vote-counting committee": "Ban Kiểm phiếu",
    "congress body": "cơ quan điều hành, giúp việc Đại hội",
    "congress bodies": "cơ quan điều hành, giúp việc Đại hội",
    "This congress already has this body.": "Đại hội đã có cơ quan này.",
    "Head of the body": "Trưởng đoàn (trưởng ban)",
    "Member of the body": "Thành viên",
    "delegate": "đại biểu",
    "role": "vai trò",
    "member of a congress body": "thành viên Đoàn Chủ tịch, Đoàn Thư ký, các ban",
    "members of congress bodies": "thành viên Đoàn Chủ tịch, Đoàn Thư ký, các ban",
    "This delegate is already a member of this body.": "Đại biểu này đã có trong danh sách.",
    "This body already has a head.": "Danh sách này đã có người đứng đầu.",
    "Presiding": "Chủ trì",
    "Head of the congress secretariat": "Trưởng Đoàn Thư ký",
    "Head of the committee": "Trưởng ban",
    "Programme of the congress": "Chương trình Đại hội",
    "Rules of procedure": "Quy chế làm việc của Đại hội",
    "Approval of a congress body": "Biểu quyết Đoàn Chủ tịch, Đoàn Thư ký, các ban",
    "Credentials report": "Báo cáo thẩm tra tư cách",
    "Election rules": "Quy chế bầu cử",
    "Size of the new committee": "Số lượng Ban Chấp hành khóa mới",
    "List of candidates": "Danh sách bầu cử",
    "Withdrawal from the list of candidates": "Rút khỏi danh sách bầu cử",
    "Resolution of the congress": "Nghị quyết Đại hội",
    "Other": "Khác",
    "Delegates present": "Đại biểu có mặt",
    "Delegates summoned": "Đại biểu được triệu tập",
    "subject": "vấn đề biểu quyết",
    "question put to the vote": "nội dung biểu quyết",
    "congress body approved": "danh sách được biểu quyết",
    "majority of": "quá một nửa số",
    "Passed with more than half of the delegates present (usual) or summoned.": (
        "Thông qua khi quá một nửa số đại biểu có mặt (thông thường) hoặc số đại biểu được triệu tập tán thành."
    ),
    "for": "tán thành",
    "against": "không tán thành",
    "abstaining": "không biểu quyết",
    "delegates present": "số đại biểu có mặt",
    "delegates summoned": "đại biểu được triệu tập",
    "passed by the congress": "được Đại hội thông qua",
    "counts entered at": "nhập kết quả lúc",
    "counts entered by": "người nhập kết quả",
    "announced": "đã công bố",
    "created": "ngày tạo",
    "vote by show of hands": "biểu quyết giơ thẻ",
    "votes by show of hands": "biểu quyết giơ thẻ",
    "Enter the three counts: for, against and abstaining.": "Nhập đủ ba số: tán thành, không tán thành, không biểu quyết.",
    "More votes than delegates present.": "Số biểu quyết nhiều hơn số đại biểu có mặt.",
    "More delegates present than summoned.": "Số đại biểu có mặt nhiều hơn số được triệu tập.",
    "A vote passes with more than half of its base.": "Nội dung được thông qua khi quá một nửa số đại biểu làm căn cứ tán thành.",
    "Only a counted vote can be announced.": "Chỉ công bố được khi đã có kết quả biểu quyết.",
    "Choose the congress body for an approval vote (and only for it).": (
        "Chỉ chọn danh sách (Đoàn Chủ tịch, Đoàn Thư ký, các ban) khi biểu quyết thông qua danh sách đó."
    ),
    "Waiting": "Đang chờ",
    "Speaking": "Đang phát biểu",
    "Has spoken": "Đã phát biểu",
    "Submitted in writing": "Gửi tham luận bằng văn bản",
    "Withdrawn": "Đã rút",
    "topic": "nội dung đăng ký phát biểu",
    "status": "trạng thái",
    "started speaking": "bắt đầu phát biểu",
    "finished speaking": "kết thúc phát biểu",
    "time used (seconds)": "thời gian đã dùng (giây)",
    "contribution (what was said)": "nội dung phát biểu",
    "paragraph of the draft": "đoạn của dự thảo",
    "comment in the review": "ý kiến trong bảng tổng hợp góp ý",
    "requested": "thời điểm đề nghị",
    "request to speak": "đăng ký phát biểu",
    "requests to speak": "đăng ký phát biểu",
    "A speaker finishes after starting.": "Đại biểu phải kết thúc phát biểu sau khi bắt đầu.",
    "current agenda item": "nội dung đang diễn ra",
    "announcement on the screen": "thông báo trên màn hình",
    "show the last published result": "hiển thị kết quả vừa công bố",
    "speaker": "đại biểu phát biểu",
    "time allowed (seconds)": "thời gian cho phép (giây)",
    "timer running since": "bắt đầu đếm lúc",
    "seconds counted before": "số giây đã đếm trước đó",
    "updated": "cập nhật",
    "hall screen": "màn hình hội trường",
    "hall screens": "màn hình hội trường",
    # --- access
    "The programme is for the secretariat, the subcommittees and the observers.": (
        "Chương trình Đại hội dành cho bộ phận thư ký, các tiểu ban và người theo dõi."
    ),
    "Only the secretariat and the Organization & Service subcommittee run the congress days.": (
        "Chỉ bộ phận thư ký và Tiểu ban Tổ chức phục vụ Đại hội điều hành các phiên họp."
    ),
    "No such agenda item.": "Không tìm thấy nội dung chương trình.",
    "No such congress body.": "Không tìm thấy danh sách này.",
    "No such member.": "Không tìm thấy thành viên.",
    "No such vote.": "Không tìm thấy nội dung biểu quyết.",
    "No such request to speak.": "Không tìm thấy đăng ký phát biểu.",
    # --- printing
    "Minutes of a vote by show of hands": "Biên bản biểu quyết",
    "Bodies of the congress": "Đoàn Chủ tịch, Đoàn Thư ký và các ban của Đại hội",
    "Report on the examination of delegates' credentials": "Báo cáo thẩm tra tư cách đại biểu",
    "Minutes of the votes by show of hands": "Biên bản các lần biểu quyết",
    "Records of the congress": "Hồ sơ Đại hội",
    # --- rules
    "The session must fall between the opening (%(a)s) and the closing (%(b)s).": (
        "Phiên họp phải trong khoảng từ ngày khai mạc (%(a)s) đến ngày bế mạc (%(b)s)."
    ),
    "The preparatory session lasts at most half a day (%(limit)s minutes); this one lasts %(length)s.": (
        "Phiên trù bị không quá nửa ngày (%(limit)s phút); phiên này kéo dài %(length)s phút."
    ),
    "The congress lasts at most %(max)s days; with this session its sessions span %(span)s days.": (
        "Đại hội họp không quá %(max)s ngày; thêm phiên này thì các phiên họp trải ra %(span)s ngày."
    ),
    "The hall is taken: “%(other)s” sits there on %(date)s %(start)s–%(end)s.": (
        "Hội trường đã có phiên họp: “%(other)s” họp tại đây ngày %(date)s, %(start)s–%(end)s."
    ),
    "Enter a number (0 if nobody).": "Nhập một số (0 nếu không có ai).",
    "A count cannot be negative.": "Số biểu quyết không thể âm.",
    "Choose the base of the majority.": "Chọn căn cứ tính quá nửa.",
    "No delegate is checked in at this session: record the check-in before the vote.": (
        "Chưa có đại biểu nào điểm danh ở phiên họp này: điểm danh trước khi biểu quyết."
    ),
    "For + against + abstaining = %(total)s, more than the %(present)s delegates present at this session "
    "(from check-in). Count again.": (
        "Tán thành + không tán thành + không biểu quyết = %(total)s, nhiều hơn %(present)s đại biểu có mặt ở phiên "
        "họp này (theo điểm danh). Đề nghị kiểm đếm lại."
    ),
    # --- services
    "This item has votes or speakers: it stays in its session.": (
        "Nội dung này đã có biểu quyết hoặc đăng ký phát biểu: không chuyển sang phiên khác."
    ),
    "Choose the kind of item.": "Chọn loại nội dung.",
    "This draft belongs to another congress.": "Dự thảo này thuộc đại hội khác.",
    "Give the item a title.": "Nhập tên nội dung.",
    "This item has votes or requests to speak: it cannot be removed from the programme.": (
        "Nội dung này đã có biểu quyết hoặc đăng ký phát biểu: không gỡ khỏi chương trình được."
    ),
    "This item has already taken place: it stays in the programme.": (
        "Nội dung này đã diễn ra: giữ lại trong chương trình."
    ),
    "“%(title)s” ended at %(end)s; correct its times in the running order if needed.": (
        "“%(title)s” đã kết thúc lúc %(end)s; nếu cần, sửa giờ ở trang điều hành phiên họp."
    ),
    "“%(title)s” has not started yet.": "“%(title)s” chưa bắt đầu.",
    "Give the start time before the end time.": "Nhập giờ bắt đầu trước khi nhập giờ kết thúc.",
    "The item ends after it starts.": "Giờ kết thúc phải sau giờ bắt đầu.",
    "The congress approved this list (“%(vote)s”); put a new approval vote on the programme before changing it.": (
        "Đại hội đã biểu quyết thông qua danh sách này (“%(vote)s”); muốn thay đổi, cần đưa ra biểu quyết lại trước."
    ),
    "Choose a congress body.": "Chọn Đoàn Chủ tịch, Đoàn Thư ký hoặc một ban.",
    "Only a delegate of this congress can sit in a congress body.": (
        "Chỉ đại biểu chính thức của Đại hội mới được tham gia Đoàn Chủ tịch, Đoàn Thư ký và các ban."
    ),
    "This person is not a delegate of this congress.": "Người này không phải là đại biểu của Đại hội này.",
    "Choose the role.": "Chọn vai trò.",
    "%(name)s is not a summoned delegate with valid credentials: not eligible.": (
        "Đồng chí %(name)s không phải là đại biểu được triệu tập có tư cách hợp lệ: không đủ điều kiện."
    ),
    "%(name)s is a candidate (%(elections)s): a candidate cannot count the votes of the election.": (
        "Đồng chí %(name)s có tên trong danh sách bầu cử (%(elections)s): người ứng cử không được tham gia "
        "Ban Kiểm phiếu."
    ),
    "%(name)s is already a member of this body.": "Đồng chí %(name)s đã có trong danh sách.",
    "Choose what the vote is about.": "Chọn vấn đề biểu quyết.",
    "Write the question put to the vote.": "Nhập nội dung biểu quyết.",
    "Choose the congress body the vote approves.": "Chọn danh sách được biểu quyết.",
    "This body has no member yet: propose its members before the vote.": (
        "Danh sách này chưa có ai: đề xuất thành viên trước khi biểu quyết."
    ),
    "Only an approval vote concerns a congress body.": (
        "Chỉ chọn danh sách khi biểu quyết thông qua Đoàn Chủ tịch, Đoàn Thư ký hoặc các ban."
    ),
    "This result has been announced: withdraw the announcement before correcting it.": (
        "Kết quả này đã công bố: hủy công bố trước khi sửa."
    ),
    "Enter the counts before announcing the result.": "Nhập kết quả biểu quyết trước khi công bố.",
    "This vote has been counted: it stays in the minutes.": "Nội dung này đã có kết quả biểu quyết: giữ lại trong biên bản.",
    "Only a delegate of this congress can ask to speak.": "Chỉ đại biểu của Đại hội này mới đăng ký phát biểu được.",
    "%(name)s is not a summoned delegate with valid credentials.": (
        "Đồng chí %(name)s không phải là đại biểu được triệu tập có tư cách hợp lệ."
    ),
    "Give the topic of the contribution.": "Nhập nội dung đăng ký phát biểu.",
    "Only a speaker still waiting can withdraw.": "Chỉ rút được đăng ký của đại biểu chưa phát biểu.",
    "This contribution is already in the comment register: change it there.": (
        "Ý kiến này đã được đưa vào bảng tổng hợp góp ý: sửa tại đó."
    ),
    "This contribution is already in the comment register.": "Ý kiến này đã được đưa vào bảng tổng hợp góp ý.",
    "This agenda item has no draft document attached.": "Nội dung này không gắn với dự thảo văn kiện nào.",
    "Record what the delegate said first.": "Ghi nội dung phát biểu của đại biểu trước.",
    "Choose a review round of “%(draft)s”.": "Chọn một đợt lấy ý kiến của “%(draft)s”.",
    "Version %(n)s of the draft has no paragraph %(label)s.": "Dự thảo lần %(n)s không có đoạn %(label)s.",
    "This item belongs to another congress.": "Nội dung này thuộc đại hội khác.",
    "Give between 1 and 240 minutes.": "Nhập từ 1 đến 240 phút.",
    "This speaker belongs to another congress.": "Đại biểu phát biểu này thuộc đại hội khác.",
    "%(name)s is not waiting to speak.": "Đồng chí %(name)s không còn trong danh sách chờ phát biểu.",
    "The timer is not set.": "Chưa đặt đồng hồ đếm ngược.",
    # --- views
    "The agenda item was saved.": "Đã lưu nội dung chương trình.",
    "The agenda item was removed.": "Đã gỡ nội dung khỏi chương trình.",
    "The times of “%(title)s” were corrected.": "Đã sửa giờ của “%(title)s”.",
    "Nothing was saved: %(title)s.": "Chưa lưu được: %(title)s.",
    "“%(title)s” has begun; it is on the hall screen.": "“%(title)s” đã bắt đầu và đang hiển thị trên màn hình hội trường.",
    "“%(title)s” has ended.": "“%(title)s” đã kết thúc.",
    "%(name)s was added to the %(body)s.": "Đã đưa đồng chí %(name)s vào danh sách %(body)s.",
    "%(name)s was taken off the list of the body.": "Đã đưa đồng chí %(name)s ra khỏi danh sách.",
    "The vote was put on the programme: enter the counts after the show of hands.": (
        "Đã đưa nội dung ra biểu quyết: nhập kết quả sau khi đại biểu giơ thẻ."
    ),
    "The counts were recorded.": "Đã ghi kết quả biểu quyết.",
    "The result is announced: the hall screen shows it.": "Đã công bố kết quả: màn hình hội trường đang hiển thị.",
    "The announcement was withdrawn.": "Đã hủy công bố kết quả.",
    "The vote was removed.": "Đã gỡ nội dung biểu quyết.",
    "This vote is not counted yet.": "Nội dung này chưa có kết quả biểu quyết.",
    "The request to speak was added.": "Đã ghi đăng ký phát biểu.",
    "The request to speak was withdrawn.": "Đã rút đăng ký phát biểu.",
    "Unknown action.": "Thao tác không hợp lệ.",
    "The contribution was recorded.": "Đã ghi nội dung phát biểu.",
    "The contribution is now comment no. %(n)s of “%(round)s”.": (
        "Ý kiến phát biểu đã thành ý kiến số %(n)s của “%(round)s”."
    ),
    "The hall screen was updated.": "Đã cập nhật màn hình hội trường.",
    # --- navigation and pages
    "Congress days": "Điều hành Đại hội",
    "Programme": "Chương trình",
    "Running order": "Điều hành phiên họp",
    "Congress bodies": "Đoàn Chủ tịch và các ban",
    "Show of hands": "Biểu quyết",
    "Hall screen control": "Điều khiển màn hình",
    "Hall screen": "Màn hình hội trường",
    "Records of the congress (PDF)": "Hồ sơ Đại hội (PDF)",
    "Just ended": "Vừa kết thúc",
    "Now": "Đang diễn ra",
    "Next item": "Tiếp theo",
    "Welcome": "Chào mừng",
    "Term %(term)s": "Nhiệm kỳ %(term)s",
    "%(p)s%% of the delegates summoned": "%(p)s%% số đại biểu được triệu tập",
    "Enough delegates present": "Đủ số đại biểu theo quy định",
    "Quorum: %(n)s delegates": "Cần tối thiểu %(n)s đại biểu",
    "Time remaining": "Thời gian còn lại",
    "paused": "tạm dừng",
    "Result of the vote": "Kết quả biểu quyết",
    "PASSED": "THÔNG QUA",
    "NOT PASSED": "KHÔNG THÔNG QUA",
    "of %(n)s delegates summoned": "trên %(n)s đại biểu được triệu tập",
    "of %(n)s delegates present": "trên %(n)s đại biểu có mặt",
    "Election result": "Kết quả bầu cử",
    "round %(n)s": "lần %(n)s",
    "%(e)s of %(s)s seats filled · at least %(t)s of %(b)s votes needed": (
        "Trúng cử %(e)s/%(s)s · cần ít nhất %(t)s/%(b)s phiếu"
    ),
    "Nobody was elected.": "Không có đồng chí nào trúng cử.",
    "Passed": "Thông qua",
    "Not passed": "Không thông qua",
    "not counted": "chưa biểu quyết",
    "The presidium, the congress secretariat, the credentials committee and the vote-counting committee: delegates "
    "proposed by the outgoing committee and approved by the congress by show of hands at the preparatory session. "
    "A candidate never counts the votes of an election.": (
        "Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu và Ban Kiểm phiếu: đại biểu do Ban Chấp hành khóa cũ "
        "giới thiệu, Đại hội biểu quyết thông qua tại phiên trù bị. Người ứng cử không tham gia Ban Kiểm phiếu."
    ),
    "%(n)s member": ["%(n)s thành viên"],
    "approved: %(f)s of %(n)s for": "đã thông qua: %(f)s/%(n)s tán thành",
    "not approved": "không được thông qua",
    "vote to be held": "chờ biểu quyết",
    "proposed, not yet voted": "đã đề xuất, chưa biểu quyết",
    "Members of the vote-counting committee who are candidates:": "Có thành viên Ban Kiểm phiếu là người ứng cử:",
    "replace them before the election.": "cần thay trước khi bầu cử.",
    "Delegation": "Đoàn đại biểu",
    "candidate:": "ứng cử:",
    "Remove this member from the list?": "Đưa đồng chí này ra khỏi danh sách?",
    "Remove": "Gỡ",
    "No member proposed yet.": "Chưa đề xuất thành viên nào.",
    "The congress approved this list. To change it, put a new approval vote on the programme first.": (
        "Đại hội đã thông qua danh sách này. Muốn thay đổi, cần đưa ra biểu quyết lại trước."
    ),
    "New approval vote": "Biểu quyết lại",
    "Add": "Thêm",
    "Put the list to the vote": "Đưa danh sách ra biểu quyết",
    "Drive the projector from here: start the items, call the speakers, announce the results. The screen follows "
    "within two seconds.": (
        "Điều khiển máy chiếu tại đây: bắt đầu từng nội dung, mời đại biểu phát biểu, công bố kết quả. Màn hình hội "
        "trường cập nhật sau khoảng hai giây."
    ),
    "Open the hall screen": "Mở màn hình hội trường",
    "On the screen now": "Đang hiển thị",
    "preview, updates by itself": "xem trước, tự cập nhật",
    "in progress": "đang diễn ra",
    "done": "đã xong",
    "on the screen": "đang chiếu",
    "Speakers": "Phát biểu",
    "New vote": "Biểu quyết mới",
    "End": "Kết thúc",
    "Start": "Bắt đầu",
    "No item in this session yet.": "Phiên họp này chưa có nội dung.",
    "Check-in": "Điểm danh",
    "delegates present / summoned": "đại biểu có mặt / được triệu tập",
    "quorum: %(n)s": "cần tối thiểu %(n)s",
    "No session yet.": "Chưa có phiên họp nào.",
    "Speaker timer": "Đồng hồ phát biểu",
    "running": "đang chạy",
    "Pause": "Tạm dừng",
    "Resume": "Tiếp tục",
    "+1 minute": "Thêm 1 phút",
    "Speaker has finished": "Đại biểu đã phát biểu xong",
    "Stop": "Dừng",
    "Waiting to speak": "Đang chờ phát biểu",
    "Give the floor": "Mời phát biểu",
    "speaking": "đang phát biểu",
    "Start a countdown": "Bắt đầu đếm ngược",
    "Results": "Kết quả",
    "All votes": "Tất cả biểu quyết",
    "Withdraw": "Hủy công bố",
    "Announce": "Công bố",
    "Enter the counts": "Nhập kết quả",
    "No vote in this session yet.": "Phiên họp này chưa có biểu quyết.",
    "On the screen: the announced result of “%(t)s” (announced by the vote-counting committee).": (
        "Màn hình đang hiển thị kết quả bầu cử “%(t)s” (do Ban Kiểm phiếu công bố)."
    ),
    "Announcement": "Thông báo",
    "e.g. Break of 15 minutes": "ví dụ: Đại hội nghỉ giải lao 15 phút",
    "Update the screen": "Cập nhật màn hình",
    "Connection lost: the screen shows the last state and keeps trying.": (
        "Mất kết nối: màn hình giữ nội dung gần nhất và đang tự kết nối lại."
    ),
    "Full screen": "Toàn màn hình",
    "New agenda item": "Thêm nội dung",
    "The item goes to the end of its session; move it up or down on the programme page. Its planned start "
    "follows from the session's start and the durations before it.": (
        "Nội dung mới được xếp cuối phiên họp; đổi thứ tự ở trang chương trình. Giờ bắt đầu dự kiến tính từ giờ khai "
        "mạc phiên họp cộng thời lượng các nội dung trước đó."
    ),
    "term %(term)s": "nhiệm kỳ %(term)s",
    "page %(page)s": "trang %(page)s",
    "Approved by show of hands on %(date)s: %(f)s of %(n)s delegates for.": (
        "Đại hội biểu quyết ngày %(date)s: %(f)s/%(n)s đại biểu tán thành."
    ),
    "(not approved)": "(không được thông qua)",
    "Row no.": "TT",
    "Full name": "Họ và tên",
    "from %(a)s to %(b)s": "từ %(a)s đến %(b)s",
    "Time": "Giờ",
    "Item": "Nội dung",
    "Planned minutes": "Số phút",
    "ON BEHALF OF THE PRESIDIUM": "T/M ĐOÀN CHỦ TỊCH",
    "Text of “%(title)s”, version %(n)s.": "Văn bản “%(title)s”, dự thảo lần %(n)s.",
    "The text of the resolution is not in the application: file the signed resolution with these records.": (
        "Văn bản Nghị quyết chưa có trong hệ thống: lưu kèm bản Nghị quyết đã ký vào hồ sơ này."
    ),
    "%(t)s: %(f)s of %(n)s delegates for.": "%(t)s: %(f)s/%(n)s đại biểu tán thành.",
    "Result: the congress approved.": "Kết quả: Đại hội thông qua.",
    "Result: the congress did not approve.": "Kết quả: Đại hội không thông qua.",
    "At the %(session)s (%(date)s), item “%(item)s”, the congress voted by show of hands (raising the delegate "
    "card).": (
        "Tại %(session)s (ngày %(date)s), nội dung “%(item)s”, Đại hội biểu quyết bằng hình thức giơ thẻ đại biểu."
    ),
    "Delegates summoned: %(s)s; present at the session (from check-in): %(p)s.": (
        "Số đại biểu được triệu tập: %(s)s; có mặt tại phiên họp (theo điểm danh): %(p)s."
    ),
    "For: %(n)s (%(pc)s%%).": "Tán thành: %(n)s (%(pc)s%%).",
    "Against: %(n)s (%(pc)s%%).": "Không tán thành: %(n)s (%(pc)s%%).",
    "Abstaining: %(n)s (%(pc)s%%).": "Không biểu quyết: %(n)s (%(pc)s%%).",
    "Passed with more than half of the %(n)s delegates summoned, that is at least %(needed)s votes for.": (
        "Nội dung được thông qua khi quá một nửa trong tổng số %(n)s đại biểu được triệu tập tán thành, tức ít nhất "
        "%(needed)s đại biểu."
    ),
    "Passed with more than half of the %(n)s delegates present, that is at least %(needed)s votes for.": (
        "Nội dung được thông qua khi quá một nửa trong tổng số %(n)s đại biểu có mặt tán thành, tức ít nhất "
        "%(needed)s đại biểu."
    ),
    "THE CONGRESS SECRETARIAT": "ĐOÀN THƯ KÝ",
    "The sessions and their items in running order, with the planned times. The preparatory session lasts at most "
    "%(m)s minutes; the congress at most %(d)s days.": (
        "Các phiên họp và nội dung theo trình tự, kèm giờ dự kiến. Phiên trù bị không quá %(m)s phút; Đại hội không "
        "quá %(d)s ngày."
    ),
    "Print the programme (PDF)": "In chương trình (PDF)",
    "%(n)s minutes over the session": "vượt thời gian phiên họp %(n)s phút",
    "%(p)s of %(l)s minutes planned": "đã xếp %(p)s/%(l)s phút",
    "times of the session not set": "chưa có giờ họp",
    "Add an item": "Thêm nội dung",
    "This session breaks a rule of the programme:": "Phiên họp này chưa đúng quy định:",
    "Planned": "Dự kiến",
    "Move up": "Chuyển lên",
    "Move down": "Chuyển xuống",
    "Edit": "Sửa",
    "Remove this item from the programme?": "Gỡ nội dung này khỏi chương trình?",
    "No session yet: the sessions (date, times, hall) are set on the check-in page.": (
        "Chưa có phiên họp: ngày, giờ, hội trường của các phiên họp được khai báo ở trang điểm danh."
    ),
    "New session": "Thêm phiên họp",
    "Sessions (date, times, hall) are changed on the check-in page:": (
        "Ngày, giờ, hội trường của các phiên họp được sửa ở trang điểm danh:"
    ),
    "Sessions": "Phiên họp",
    "Planned against actual times, item by item. Starting an item ends the one before it and puts it on the hall "
    "screen.": (
        "Giờ dự kiến và giờ thực tế của từng nội dung. Bắt đầu một nội dung sẽ kết thúc nội dung trước đó và đưa nội "
        "dung mới lên màn hình hội trường."
    ),
    "Actual": "Thực tế",
    "Started late": "Chậm so với dự kiến",
    "Over the plan": "Vượt thời lượng",
    "Correct the times": "Sửa giờ",
    "Save": "Lưu",
    "%(n)s minutes per speaker": "%(n)s phút cho mỗi đại biểu",
    "The draft has no review round yet: the contributions can be turned into comments once the Documents "
    "subcommittee opens one.": (
        "Dự thảo chưa có đợt lấy ý kiến: khi Tiểu ban Văn kiện mở đợt lấy ý kiến, các ý kiến phát biểu mới đưa vào "
        "bảng tổng hợp được."
    ),
    "Status": "Trạng thái",
    "Time used": "Thời gian",
    "comment no. %(n)s": "ý kiến số %(n)s",
    "in the comment register of the draft": "trong bảng tổng hợp ý kiến góp ý dự thảo",
    "Record what was said": "Ghi nội dung phát biểu",
    "Add to the comments of the draft": "Đưa vào ý kiến góp ý dự thảo",
    "No request to speak yet.": "Chưa có đại biểu đăng ký phát biểu.",
    "New request to speak": "Đăng ký phát biểu",
    "Votes by show of hands": "Biểu quyết tại Đại hội",
    "item": "nội dung",
    "Minutes (PDF)": "Biên bản (PDF)",
    "Withdraw the announcement": "Hủy công bố",
    "Announce the result (hall screen)": "Công bố kết quả (lên màn hình)",
    "Remove this vote?": "Gỡ nội dung biểu quyết này?",
    "Raised no card": "Không giơ thẻ",
    "Base: %(n)s delegates summoned (%(present)s present); passed with at least %(needed)s votes for.": (
        "Căn cứ: %(n)s đại biểu được triệu tập (%(present)s có mặt); thông qua khi có ít nhất %(needed)s đại biểu "
        "tán thành."
    ),
    "Base: %(n)s delegates present at the session (of %(summoned)s summoned); passed with at least %(needed)s "
    "votes for.": (
        "Căn cứ: %(n)s đại biểu có mặt tại phiên họp (trên %(summoned)s được triệu tập); thông qua khi có ít nhất "
        "%(needed)s đại biểu tán thành."
    ),
    "Counts entered at %(at)s by %(by)s.": "Kết quả do %(by)s nhập lúc %(at)s.",
    "Correct the counts": "Sửa kết quả biểu quyết",
    "Record": "Ghi nhận",
    "Presence at this session now": "Số đại biểu có mặt tại phiên họp",
    "delegates present / summoned (from check-in). The counts are checked against the delegates present when "
    "they are entered.": (
        "đại biểu có mặt / được triệu tập (theo điểm danh). Kết quả biểu quyết được đối chiếu với số đại biểu có mặt "
        "khi nhập."
    ),
    "Put a question to the vote on an agenda item; the counts are entered after the show of hands.": (
        "Đưa một vấn đề ra biểu quyết trong một nội dung chương trình; kết quả nhập sau khi đại biểu giơ thẻ."
    ),
    "The delegates raise their cards; the secretariat enters the counts. A question passes with more than half of "
    "the delegates present at the session (from check-in), or of those summoned when the vote says so.": (
        "Đại biểu biểu quyết bằng giơ thẻ; bộ phận thư ký nhập kết quả. Nội dung được thông qua khi quá một nửa số "
        "đại biểu có mặt tại phiên họp (theo điểm danh) tán thành, hoặc quá một nửa số đại biểu được triệu tập nếu "
        "biểu quyết quy định như vậy."
    ),
    "Session": "Phiên họp",
    "Base": "Căn cứ",
    "Result": "Kết quả",
    "Announced": "Công bố",
    "summoned": "được triệu tập",
    "present": "có mặt",
    "No vote yet.": "Chưa có biểu quyết nào.",
}
