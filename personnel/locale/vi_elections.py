# ruff: noqa: E501
"""Vietnamese translations of the elections pages (issue 5), applied to personnel's catalog with
`python tools/po_fill.py personnel/locale/vi/LC_MESSAGES/django.po personnel/locale/vi_elections.py`
after `makemessages` for personnel. Generic words (Save, Edit, Date…) keep the catalogs' translations.
Plural entries are keyed by their singular msgid (Vietnamese has one form).
"""

T = {
    # --- forms and model fields
    "reference date for ages": "ngày tính tuổi",
    "first-time members, men: born on or after": "tham gia lần đầu, nam: sinh từ ngày",
    "first-time members, women: born on or after": "tham gia lần đầu, nữ: sinh từ ngày",
    "re-nominated members, men: born on or after": "tái cử, nam: sinh từ ngày",
    "re-nominated members, women: born on or after": "tái cử, nữ: sinh từ ngày",
    "party member": "đảng viên",
    "position planned for": "chức danh quy hoạch",
    "added to the pool on": "ngày đưa vào quy hoạch",
    "decision": "quyết định",
    "starts on": "ngày khai giảng",
    "ends on": "ngày bế giảng",
    "completed": "hoàn thành",
    "election date": "ngày bầu cử",
    "vote-counting committee": "Ban Kiểm phiếu",
    "Members of the vote-counting committee who enter the ballots of this election.": (
        "Các thành viên Ban Kiểm phiếu nhập phiếu bầu của cuộc bầu cử này."
    ),
    "nominated by": "hình thức giới thiệu",
    "nominating delegates": "đại biểu giới thiệu",
    "Names of the delegates who nominated.": "Họ tên các đại biểu đã giới thiệu.",
    "candidacy dossier received on": "ngày nhận hồ sơ ứng cử",
    "Required for self-nominations and nominations of people who are not delegates.": (
        "Bắt buộc đối với người tự ứng cử và người được giới thiệu nhưng không phải là đại biểu."
    ),
    "step": "bước",
    "held on": "ngày tiến hành",
    "voters": "số người biểu quyết",
    "in favour": "số phiếu đồng ý",
    "reason": "lý do",
    "delegates voting": "số đại biểu biểu quyết",
    "in favour of the withdrawal": "số đại biểu đồng ý cho rút",
    "delegates summoned": "đại biểu được triệu tập",
    "absent for the whole congress without an alternate": "vắng mặt cả kỳ đại hội, không có đại biểu dự khuyết thay thế",
    "ballots issued": "số phiếu phát ra",
    "ballots collected": "số phiếu thu về",
    "ballot number": "số phiếu",
    "Type the number of the paper ballot.": "Gõ số của phiếu giấy.",
    "Type a whole number.": "Gõ một số nguyên.",
    "numbers of the names struck out": "số thứ tự các tên bị gạch",
    "Separated by spaces, e.g. 3 7 12; leave empty when no name is struck out.": (
        "Cách nhau bằng dấu cách, ví dụ 3 7 12; để trống nếu phiếu không gạch tên nào."
    ),
    "a name written in": "có ghi thêm tên ngoài danh sách",
    "spoiled (not the congress's ballot, marked)": "phiếu không hợp lệ khác (không đúng mẫu, không có dấu, có ký hiệu riêng)",
    "recount note": "ghi chú kiểm lại",
    "Who recounted the paper ballot and what it shows.": "Ai đã kiểm lại phiếu gốc và phiếu ghi gì.",
    "candidates for the unfilled seats": "người ứng cử cho số lượng còn thiếu",
    "upper-level endorsement": "chuẩn y của cấp trên",
    "endorsement decision": "quyết định chuẩn y",
    "endorsement date": "ngày chuẩn y",
    "planned executive committee size": "số lượng Ban Chấp hành dự kiến",
    "planned Standing Committee size": "số lượng Ban Thường vụ dự kiến",
    "planned inspection committee size": "số lượng Ủy ban Kiểm tra dự kiến",
    "Ages and age limits are computed at this date (e.g. 01/06/2020).": (
        "Tuổi và tuổi tham gia cấp ủy được tính tại ngày này (ví dụ 01/06/2020)."
    ),
    "approved by": "thông qua tại",
    "e.g. the outgoing executive committee's resolution": "ví dụ: nghị quyết của Ban Chấp hành khóa đương nhiệm",
    "personnel plan": "đề án nhân sự",
    "personnel plans": "đề án nhân sự",
    "The planned sizes must be at least 1.": "Số lượng dự kiến phải từ 1 trở lên.",
    "Personnel plan": "Đề án nhân sự",
    "Women": "Nữ",
    "Younger than an age": "Dưới một độ tuổi",
    "Ethnic minorities": "Người dân tộc thiểu số",
    "From a sector": "Thuộc một khối",
    "elected body": "cơ quan bầu",
    "criterion": "tiêu chí",
    "younger than (years)": "dưới (tuổi)",
    "For the age criterion, e.g. 40.": "Dùng cho tiêu chí tuổi, ví dụ 40.",
    "For the sector criterion.": "Dùng cho tiêu chí khối.",
    "at least (%)": "tối thiểu (%)",
    "at least (people)": "tối thiểu (người)",
    "order": "thứ tự",
    "structure target": "chỉ tiêu cơ cấu",
    "structure targets": "chỉ tiêu cơ cấu",
    "Give a minimum share or a minimum number of people.": "Nhập tỷ lệ tối thiểu hoặc số người tối thiểu.",
    "A share is at most 100%.": "Tỷ lệ không quá 100%.",
    "A share is at most 100%%.": "Tỷ lệ không quá 100%%.",
    "Give the age (18 or more) for the age criterion.": "Nhập độ tuổi (từ 18 trở lên) cho tiêu chí tuổi.",
    "Give the sector for the sector criterion.": "Nhập tên khối cho tiêu chí khối.",
    "younger than %(age)s": "dưới %(age)s tuổi",
    "from %(sector)s": "thuộc %(sector)s",
    "at least %(n)s": "ít nhất %(n)s người",
    "Party secretary": "Bí thư",
    "Deputy secretary": "Phó Bí thư",
    "Standing Committee member": "Ủy viên Ban Thường vụ",
    "Executive committee member": "Ủy viên Ban Chấp hành",
    "Inspection committee chair": "Chủ nhiệm Ủy ban Kiểm tra",
    "Inspection committee member": "Ủy viên Ủy ban Kiểm tra",
    "e.g. 2020–2025": "ví dụ 2020–2025",
    "planning pool entry": "cán bộ trong quy hoạch",
    "planning pool": "quy hoạch cán bộ",
    "This person is already in the pool for this position and term.": (
        "Đồng chí này đã có trong quy hoạch chức danh này, nhiệm kỳ này."
    ),
    "Give the term.": "Nhập nhiệm kỳ.",
    "organized by": "đơn vị tổ chức",
    "attendees": "học viên",
    "training class": "lớp bồi dưỡng",
    "training classes": "lớp bồi dưỡng",
    "Another training class has this name.": "Đã có lớp bồi dưỡng trùng tên.",
    "The class cannot end before it starts.": "Ngày bế giảng không thể trước ngày khai giảng.",
    "attendance": "học viên",
    "attendances": "học viên",
    "This person already attends this class.": "Đồng chí này đã có trong danh sách lớp.",
    "Delegates to the upper-level congress": "Đại biểu dự Đại hội cấp trên",
    "Deputy secretaries": "Phó Bí thư",
    "Inspection committee": "Ủy ban Kiểm tra",
    "Not yet submitted": "Chưa trình",
    "Submitted to the upper level": "Đã trình cấp trên",
    "Endorsed": "Đã chuẩn y",
    "Not endorsed": "Không chuẩn y",
    "title on the ballot": "tên cuộc bầu cử in trên phiếu",
    "e.g. “Ban Chấp hành Đảng bộ quận khóa XXVI, nhiệm kỳ 2020–2025”": (
        "ví dụ “Ban Chấp hành Đảng bộ quận khóa XXVI, nhiệm kỳ 2020–2025”"
    ),
    "seats": "số lượng cần bầu",
    "allowed surplus (%)": "tỷ lệ số dư cho phép (%)",
    "Set by the congress; at most 30%. Common practice is 10–15%.": (
        "Do Đại hội quyết định; không quá 30%. Thông thường 10–15%."
    ),
    "the list must exceed the seats": "danh sách phải nhiều hơn số lượng cần bầu",
    "Untick for elections where the list may equal the seats (secretary, deputies).": (
        "Bỏ chọn đối với cuộc bầu mà danh sách có thể bằng số lượng cần bầu (bí thư, phó bí thư)."
    ),
    "list locked for printing": "danh sách đã chốt để in phiếu",
    "locked by": "người chốt",
    "election": "cuộc bầu cử",
    "elections": "cuộc bầu cử",
    "This body already has an election in this congress.": "Cơ quan này đã có cuộc bầu cử trong Đại hội.",
    "An election has at least one seat.": "Số lượng cần bầu phải từ 1 trở lên.",
    "The surplus may be at most 30%.": "Số dư không quá 30%.",
    "The surplus may be at most 30%%.": "Số dư không quá 30%%.",
    "Give the date of the upper level's decision.": "Nhập ngày quyết định của cấp trên.",
    "Introduced by the outgoing committee (five steps)": "Cấp ủy khóa đương nhiệm giới thiệu (quy trình 5 bước)",
    "Self-nominated": "Tự ứng cử",
    "Nominated by delegates at the congress": "Đại biểu giới thiệu tại Đại hội",
    "withdrawn": "đã rút",
    "added": "ngày thêm",
    "added by": "người thêm",
    "candidate": "người ứng cử",
    "candidates": "người ứng cử",
    "This person is already a candidate in this election.": "Đồng chí này đã có trong danh sách bầu cử.",
    "Name the delegates who nominated this candidate.": "Ghi họ tên các đại biểu đã giới thiệu người này.",
    "1. Standing Committee proposes the structure and the nominees": (
        "1. Ban Thường vụ đề xuất cơ cấu, tiêu chuẩn, số lượng và nhân sự"
    ),
    "2. Executive committee discusses and nominates (secret ballot)": (
        "2. Hội nghị Ban Chấp hành thảo luận, giới thiệu (bỏ phiếu kín)"
    ),
    "3. Conference of key cadres nominates (secret ballot)": "3. Hội nghị cán bộ chủ chốt giới thiệu (bỏ phiếu kín)",
    "4. Standing Committee reviews the results and nominates (secret ballot)": (
        "4. Ban Thường vụ tổng hợp, xem xét, giới thiệu (bỏ phiếu kín)"
    ),
    "5. Executive committee decides the list (secret ballot)": (
        "5. Hội nghị Ban Chấp hành quyết định danh sách (bỏ phiếu kín)"
    ),
    "People who took part in the vote.": "Số người tham gia biểu quyết.",
    "nomination step": "bước giới thiệu nhân sự",
    "nomination steps": "các bước giới thiệu nhân sự",
    "This step is already recorded for this candidate.": "Bước này đã được ghi nhận cho người này.",
    "There are five steps.": "Quy trình có 5 bước.",
    "The votes in favour cannot exceed the voters.": "Số phiếu đồng ý không thể nhiều hơn số người biểu quyết.",
    "accepted": "được chấp thuận",
    "decided": "thời điểm quyết định",
    "withdrawal request": "đơn xin rút",
    "withdrawal requests": "đơn xin rút",
    "Give the reason for the withdrawal.": "Nêu lý do xin rút.",
    "A decision needs the vote: delegates voting and votes in favour.": (
        "Cần kết quả biểu quyết: số đại biểu biểu quyết và số đồng ý."
    ),
    "First round": "Bầu lần thứ nhất",
    "New round among tied candidates": "Bầu lại giữa những người bằng phiếu",
    "New round for unfilled seats": "Bầu bổ sung cho số lượng còn thiếu",
    "Counting": "Đang kiểm phiếu",
    "Counted": "Đã kiểm phiếu",
    "round": "lần bầu",
    "seats in this round": "số lượng cần bầu lần này",
    "Official delegates summoned (at a plenary: committee members).": (
        "Số đại biểu chính thức được triệu tập (tại hội nghị: số ủy viên Ban Chấp hành)."
    ),
    "valid ballots": "số phiếu hợp lệ",
    "invalid ballots": "số phiếu không hợp lệ",
    "votes needed": "số phiếu cần đạt",
    "seats unfilled": "số lượng còn thiếu",
    "counted": "thời điểm kiểm phiếu xong",
    "counted by": "người kết thúc kiểm phiếu",
    "announced": "đã công bố",
    "rounds": "các lần bầu",
    "This round already exists.": "Lần bầu này đã có.",
    "A round has at least one seat.": "Mỗi lần bầu có ít nhất một người cần bầu.",
    "The delegates summoned must be more than those absent.": "Số đại biểu triệu tập phải nhiều hơn số vắng mặt.",
    "More ballots issued than delegates summoned.": "Số phiếu phát ra nhiều hơn số đại biểu được triệu tập.",
    "More ballots collected than issued.": "Số phiếu thu về nhiều hơn số phiếu phát ra.",
    "Valid and invalid ballots must add up to the ballots collected.": (
        "Số phiếu hợp lệ cộng số phiếu không hợp lệ phải bằng số phiếu thu về."
    ),
    "Only a counted round can be published.": "Chỉ công bố kết quả của lần bầu đã kiểm phiếu xong.",
    "round %(n)s": "lần %(n)s",
    "Elected": "Trúng cử",
    "Tied: new round": "Bằng phiếu: bầu lại",
    "Not elected": "Không trúng cử",
    "number on the ballot": "số thứ tự trên phiếu",
    "votes": "số phiếu bầu",
    "outcome": "kết quả",
    "name on the ballot": "tên trên phiếu bầu",
    "names on the ballot": "tên trên phiếu bầu",
    "This candidate is already on the ballot.": "Người này đã có trên phiếu bầu.",
    "Two names have the same number on the ballot.": "Hai tên trùng số thứ tự trên phiếu.",
    "Entered once: waiting for the second entry": "Đã nhập một lần: chờ nhập lần hai",
    "Both entries agree": "Hai lần nhập khớp nhau",
    "Entries differ: recount": "Hai lần nhập khác nhau: kiểm lại",
    "Recounted and resolved": "Đã kiểm lại và thống nhất",
    "names struck out (numbers)": "các tên bị gạch (số thứ tự)",
    "resolved by": "người ghi kết quả kiểm lại",
    "resolved": "thời điểm kiểm lại",
    "ballot": "phiếu bầu",
    "ballots": "phiếu bầu",
    "This ballot number is already used.": "Số phiếu này đã được dùng.",
    "Ballot %(n)s": "Phiếu số %(n)s",
    "entry": "lần nhập",
    "spoiled": "không hợp lệ khác",
    "entered by": "người nhập",
    "entered": "thời điểm nhập",
    "ballot entry": "lần nhập phiếu",
    "ballot entries": "các lần nhập phiếu",
    "This ballot has already been entered twice.": "Phiếu này đã được nhập đủ hai lần.",
    "You have already entered this ballot.": "Đồng chí đã nhập phiếu này.",
    "Candidacy dossiers from non-delegates due: %(body)s": "Hạn nộp hồ sơ ứng cử của người không phải là đại biểu: %(body)s",
    "party card number or full name": "số thẻ đảng viên hoặc họ và tên",
    "Several party members are called %(name)s: type the card number of the right one (%(choices)s).": (
        "Có nhiều đảng viên tên %(name)s: gõ số thẻ đảng viên của người cần chọn (%(choices)s)."
    ),
    "No party member has this card number or full name; type a few letters to see suggestions.": (
        "Không có đảng viên nào có số thẻ hoặc họ tên này; gõ vài chữ để xem gợi ý."
    ),
    "No party member matches.": "Không có đảng viên phù hợp.",
    # --- access
    "The personnel plan, the planning pool and the candidate lists are for the secretariat and the "
    "Personnel subcommittee only.": (
        "Đề án nhân sự, quy hoạch cán bộ và danh sách bầu cử chỉ dành cho bộ phận thư ký và Tiểu ban Nhân sự."
    ),
    "Only the secretariat and the Personnel subcommittee's head, deputies and secretary can change this.": (
        "Chỉ bộ phận thư ký và Trưởng, Phó Trưởng, Thư ký Tiểu ban Nhân sự được thay đổi nội dung này."
    ),
    "Only the members of the vote-counting committee of this election enter its ballots.": (
        "Chỉ các thành viên Ban Kiểm phiếu của cuộc bầu cử này được nhập phiếu."
    ),
    "No such election.": "Không tìm thấy cuộc bầu cử.",
    "No such candidate.": "Không tìm thấy người ứng cử.",
    "No such round.": "Không tìm thấy lần bầu.",
    "The results of this round are not published yet.": "Kết quả lần bầu này chưa được công bố.",
    "No such target.": "Không tìm thấy chỉ tiêu.",
    "No such pool entry.": "Không tìm thấy cán bộ trong quy hoạch.",
    "No such training class.": "Không tìm thấy lớp bồi dưỡng.",
    # --- rules (services and selectors)
    "The list has %(count)d names for %(seats)d seats: it must exceed the seats (at least %(min)d names).": (
        "Danh sách có %(count)d người, bầu %(seats)d người: danh sách phải nhiều hơn số lượng cần bầu "
        "(ít nhất %(min)d người)."
    ),
    "The list has %(count)d names for %(seats)d seats: there must be at least as many names as seats.": (
        "Danh sách có %(count)d người, bầu %(seats)d người: danh sách không được ít hơn số lượng cần bầu."
    ),
    "The list has %(count)d names for %(seats)d seats: a surplus of %(surplus)d, more than the %(percent)d%% "
    "allowed (at most %(max)d names).": (
        "Danh sách có %(count)d người, bầu %(seats)d người: số dư %(surplus)d, vượt quá %(percent)d%% cho phép "
        "(tối đa %(max)d người)."
    ),
    "%(name)s is not an official party member (%(status)s) and cannot stand.": (
        "%(name)s không phải đảng viên chính thức (%(status)s) nên không thể ứng cử."
    ),
    "%(name)s did not pass step %(step)d (%(yes)d of %(voters)d in favour).": (
        "%(name)s không đạt bước %(step)d (%(yes)d/%(voters)d phiếu đồng ý)."
    ),
    "%(name)s has not been through the five steps of introduction yet.": (
        "%(name)s chưa hoàn thành quy trình 5 bước giới thiệu nhân sự."
    ),
    "%(name)s asked to withdraw: the congress must vote on it first.": (
        "%(name)s xin rút khỏi danh sách: Đại hội phải biểu quyết trước."
    ),
    "Candidates are elected from the new %(body)s, which has not been elected yet.": (
        "Người ứng cử phải là thành viên %(body)s khóa mới, mà %(body)s khóa mới chưa được bầu."
    ),
    "%(name)s is not a member of the new %(body)s.": "%(name)s không phải là thành viên %(body)s khóa mới.",
    "This party member belongs to another congress.": "Đảng viên này thuộc đại hội khác.",
    "Re-nominated members may be older than first-time members, not younger: this limit is later.": (
        "Tuổi tái cử được cao hơn tuổi tham gia lần đầu, không thấp hơn: mốc ngày sinh này muộn hơn."
    ),
    "With %(seats)d seats, a surplus of %(percent)d%% allows no extra name, yet the list must exceed the seats: "
    "allow at least %(needed)d%% (at most 30%%), or untick “the list must exceed the seats”.": (
        "Với %(seats)d người cần bầu, tỷ lệ số dư %(percent)d%% không cho phép thêm người nào, trong khi danh sách "
        "phải nhiều hơn số lượng cần bầu: để tỷ lệ ít nhất %(needed)d%% (không quá 30%%), hoặc bỏ chọn "
        "“danh sách phải nhiều hơn số lượng cần bầu”."
    ),
    "The list is locked for printing: unlock it before changing the seats or the surplus.": (
        "Danh sách đã chốt để in phiếu: mở lại danh sách trước khi thay đổi số lượng cần bầu hoặc số dư."
    ),
    "Not members of the vote-counting committee of this congress: %(names)s.": (
        "Không phải thành viên Ban Kiểm phiếu của Đại hội: %(names)s."
    ),
    "The list is locked for printing; unlock it first (possible while no ballot has been entered).": (
        "Danh sách đã chốt để in phiếu; cần mở lại danh sách trước (chỉ được khi chưa nhập phiếu nào)."
    ),
    "%(name)s is not a delegate: a candidacy dossier is required (due %(deadline)s).": (
        "%(name)s không phải là đại biểu: phải có hồ sơ ứng cử (hạn nộp %(deadline)s)."
    ),
    "Candidacy dossiers from non-delegates were due on %(deadline)s, 15 working days before the opening; this one "
    "arrived on %(received)s and cannot be accepted.": (
        "Hồ sơ ứng cử của người không phải là đại biểu phải nộp chậm nhất ngày %(deadline)s (15 ngày làm việc trước "
        "ngày khai mạc); hồ sơ này nhận ngày %(received)s nên không được tiếp nhận."
    ),
    "The five steps apply to candidates introduced by the outgoing committee.": (
        "Quy trình 5 bước áp dụng cho nhân sự do cấp ủy khóa đương nhiệm giới thiệu."
    ),
    "At least one person takes part in the vote.": "Phải có ít nhất một người biểu quyết.",
    "The votes in favour (%(yes)s) cannot exceed the voters (%(voters)s).": (
        "Số phiếu đồng ý (%(yes)s) không thể nhiều hơn số người biểu quyết (%(voters)s)."
    ),
    "Record step %(n)d first.": "Cần ghi nhận bước %(n)d trước.",
    "Step %(n)d did not pass (not more than half in favour): the introduction stops there.": (
        "Bước %(n)d không đạt (không quá một nửa đồng ý): quy trình giới thiệu dừng tại đó."
    ),
    "Step %(n)d was held on %(date)s; this step cannot come before it.": (
        "Bước %(n)d tiến hành ngày %(date)s; bước này không thể trước ngày đó."
    ),
    "Step %(n)d was held on %(date)s; this step cannot come after it.": (
        "Bước %(n)d tiến hành ngày %(date)s; bước này không thể sau ngày đó."
    ),
    "This candidate has already asked to withdraw.": "Người này đã có đơn xin rút.",
    "The congress has already decided on this request.": "Đại hội đã biểu quyết về đơn này.",
    "At least one delegate takes part in the vote.": "Phải có ít nhất một đại biểu biểu quyết.",
    "The list is already locked.": "Danh sách đã được chốt.",
    "The list is not locked.": "Danh sách chưa được chốt.",
    "Ballots have been entered: the list can no longer be unlocked.": "Đã nhập phiếu: không thể mở lại danh sách.",
    "This round is counted; its numbers can no longer change.": "Lần bầu này đã kiểm phiếu xong; số liệu không thể thay đổi.",
    "At least one delegate is summoned.": "Phải có ít nhất một đại biểu được triệu tập.",
    "Those absent must be fewer than those summoned.": "Số vắng mặt phải ít hơn số được triệu tập.",
    "More ballots issued (%(issued)d) than delegates summoned (%(summoned)d).": (
        "Số phiếu phát ra (%(issued)d) nhiều hơn số đại biểu được triệu tập (%(summoned)d)."
    ),
    "Enter the ballots issued before the ballots collected.": "Nhập số phiếu phát ra trước số phiếu thu về.",
    "More ballots collected (%(collected)d) than issued (%(issued)d): count the ballot box again.": (
        "Số phiếu thu về (%(collected)d) nhiều hơn số phiếu phát ra (%(issued)d): kiểm lại hòm phiếu."
    ),
    "Ballot %(n)d has already been entered: at least %(n)d ballots were collected.": (
        "Đã nhập phiếu số %(n)d: số phiếu thu về ít nhất là %(n)d."
    ),
    "“%(token)s” is not a number: type the numbers of the names struck out.": (
        "“%(token)s” không phải là số: gõ số thứ tự của những tên bị gạch."
    ),
    "%(n)d names struck out, but the ballot has only %(max)d.": "Gạch %(n)d tên, nhưng phiếu chỉ có %(max)d tên.",
    "No name has number %(numbers)s on this ballot (numbers 1 to %(max)d).": (
        "Không có tên nào mang số %(numbers)s trên phiếu này (từ số 1 đến số %(max)d)."
    ),
    "Number %(numbers)s was typed twice.": "Số %(numbers)s được gõ hai lần.",
    "Too many numbers: a ballot has fewer names.": "Quá nhiều số: phiếu bầu không có nhiều tên như vậy.",
    "No such format.": "Không có định dạng này.",
    "This round is already counted.": "Lần bầu này đã kiểm phiếu xong.",
    "Enter the numbers of ballots issued and collected first.": "Cần nhập số phiếu phát ra và thu về trước.",
    "Ballot numbers start at 1.": "Số phiếu bắt đầu từ 1.",
    "There is no ballot %(n)d: %(collected)d ballots were collected (numbers 1 to %(collected)d).": (
        "Không có phiếu số %(n)d: thu về %(collected)d phiếu (số 1 đến số %(collected)d)."
    ),
    "You have already entered ballot %(n)d; the second entry is another counter's.": (
        "Đồng chí đã nhập phiếu số %(n)d; lần nhập thứ hai do một thành viên khác thực hiện."
    ),
    "Ballot %(n)d has already been entered twice.": "Phiếu số %(n)d đã được nhập đủ hai lần.",
    "Only a ballot whose two entries differ is resolved by a recount.": (
        "Chỉ kiểm lại phiếu có hai lần nhập khác nhau."
    ),
    "Say who recounted the paper ballot and what it shows.": "Ghi rõ ai đã kiểm lại phiếu gốc và phiếu ghi gì.",
    "Ballots not entered yet: %(numbers)s.": "Phiếu chưa nhập: %(numbers)s.",
    "%(n)d ballots entered only once: they need the second entry.": "%(n)d phiếu mới nhập một lần: cần nhập lần hai.",
    "%(n)d ballots with differing entries: recount them.": "%(n)d phiếu có hai lần nhập khác nhau: cần kiểm lại.",
    "Lock the list first: it sets the first round.": "Cần chốt danh sách trước: việc chốt tạo lần bầu thứ nhất.",
    "Round %(n)d is not counted yet.": "Lần bầu thứ %(n)d chưa kiểm phiếu xong.",
    "Every seat is filled: there is no further round.": "Đã bầu đủ số lượng: không bầu thêm.",
    "A new round after a tie is among the tied candidates only; the list is set.": (
        "Bầu lại khi bằng phiếu chỉ giữa những người bằng phiếu; danh sách đã xác định."
    ),
    "Not eligible for this round (elected, withdrawn or of another election): %(names)s.": (
        "Không thuộc danh sách lần bầu này (đã trúng cử, đã rút hoặc thuộc cuộc bầu khác): %(names)s."
    ),
    "Choose a status.": "Chọn tình trạng.",
    "Nothing has been elected yet: count a round first.": "Chưa có kết quả bầu cử: cần kiểm phiếu trước.",
    # --- views: messages
    "The personnel plan was saved.": "Đã lưu đề án nhân sự.",
    "The structure target was saved.": "Đã lưu chỉ tiêu cơ cấu.",
    "Structure target": "Chỉ tiêu cơ cấu",
    "The structure target was removed.": "Đã gỡ chỉ tiêu cơ cấu.",
    "%(name)s was added to the planning pool.": "Đã đưa %(name)s vào quy hoạch.",
    "%(name)s was removed from the planning pool.": "Đã đưa %(name)s ra khỏi quy hoạch.",
    "The training class was saved.": "Đã lưu lớp bồi dưỡng.",
    "Training class": "Lớp bồi dưỡng",
    "%(name)s was added to the class.": "Đã thêm %(name)s vào lớp.",
    "The election was saved.": "Đã lưu cuộc bầu cử.",
    "New election": "Cuộc bầu cử mới",
    "%(name)s was added to the list.": "Đã thêm %(name)s vào danh sách bầu cử.",
    "The step was recorded.": "Đã ghi nhận kết quả bước giới thiệu.",
    "The withdrawal request was recorded: the congress votes on it.": "Đã ghi nhận đơn xin rút: Đại hội sẽ biểu quyết.",
    "This candidate has not asked to withdraw.": "Người này không có đơn xin rút.",
    "The congress accepted the withdrawal: the name is off the list.": (
        "Đại hội đồng ý cho rút: tên đã ra khỏi danh sách bầu cử."
    ),
    "The congress did not accept the withdrawal: the name stays on the list.": (
        "Đại hội không đồng ý cho rút: tên vẫn trong danh sách bầu cử."
    ),
    "%(name)s was removed from the list.": "Đã đưa %(name)s ra khỏi danh sách bầu cử.",
    "The list is locked: the ballot can be printed.": "Đã chốt danh sách: có thể in phiếu bầu.",
    "The list is unlocked: it can be changed.": "Đã mở lại danh sách: có thể điều chỉnh.",
    "The endorsement status was saved.": "Đã lưu tình trạng chuẩn y.",
    "A new round was set: print its ballot.": "Đã tạo lần bầu mới: in phiếu bầu của lần này.",
    "The numbers of round %(n)d were saved.": "Đã lưu số liệu lần bầu thứ %(n)d.",
    "Ballot %(n)d saved (first entry).": "Phiếu số %(n)d đã lưu (lần nhập thứ nhất).",
    "Ballot %(n)d saved: both entries agree.": "Phiếu số %(n)d đã lưu: hai lần nhập khớp nhau.",
    "Ballot %(n)d differs from the other counter's entry: it is listed for a recount.": (
        "Phiếu số %(n)d khác với lần nhập của thành viên kia: đã đưa vào danh sách kiểm lại."
    ),
    "There is no ballot %(n)d in this round.": "Lần bầu này không có phiếu số %(n)d.",
    "Ballot %(n)d was resolved after the recount.": "Đã ghi kết quả kiểm lại phiếu số %(n)d.",
    "Round %(n)d is counted.": "Đã kiểm phiếu xong lần bầu thứ %(n)d.",
    "This round is not counted yet.": "Lần bầu này chưa kiểm phiếu xong.",
    "The results are published: everyone in the congress can see them.": (
        "Đã công bố kết quả: mọi người tham gia Đại hội đều xem được."
    ),
    # --- templates
    "Elections": "Bầu cử",
    "Elections and results": "Bầu cử và kết quả",
    "Cadre planning pool": "Quy hoạch cán bộ",
    "Round %(n)s": "Lần %(n)s",
    "Ballots collected": "Phiếu thu về",
    "not entered yet": "chưa nhập",
    "%(n)s agreed": "%(n)s phiếu khớp",
    "%(n)s recounted": "%(n)s phiếu đã kiểm lại",
    "%(n)s waiting for the second entry": "%(n)s phiếu chờ nhập lần hai",
    "%(n)s to recount": "%(n)s phiếu cần kiểm lại",
    "%(n)s ballot not entered": "%(n)s phiếu chưa nhập",
    "Ballots counted": "Số phiếu đã kiểm",
    "Ballots issued and collected": "Phiếu phát ra, thu về",
    "Ballot entry": "Nhập phiếu",
    "Recount list": "Phiếu cần kiểm lại",
    "Results": "Kết quả",
    "Ballot (PDF)": "Phiếu bầu (PDF)",
    "met": "đạt",
    "not met": "chưa đạt",
    "re-nominated": "tái cử",
    "not a delegate": "không phải đại biểu",
    "In favour": "Đồng ý",
    "Step": "Bước",
    "requested": "thời điểm đề nghị",
    "recorded by": "người ghi nhận",
    "passed": "đạt",
    "not passed": "không đạt",
    "Each step needs more than half of the voters in favour; a step that does not pass ends the introduction.": (
        "Mỗi bước phải có trên một nửa số người biểu quyết đồng ý; bước nào không đạt thì dừng quy trình giới thiệu."
    ),
    "Nominating delegates": "Đại biểu giới thiệu",
    "Candidacy dossier received on": "Ngày nhận hồ sơ ứng cử",
    "Record a step": "Ghi kết quả một bước",
    "Withdrawal": "Xin rút khỏi danh sách",
    "waiting for the congress's vote": "chờ Đại hội biểu quyết",
    "Record the congress's vote": "Ghi kết quả biểu quyết của Đại hội",
    "not accepted": "không được chấp thuận",
    "%(y)s of %(v)s delegates in favour": "%(y)s/%(v)s đại biểu đồng ý",
    "Record the request": "Ghi nhận đơn xin rút",
    "No withdrawal request.": "Không có đơn xin rút.",
    "Add a candidate": "Thêm người ứng cử",
    "Only official party members can stand; probationary members cannot.": (
        "Chỉ đảng viên chính thức được ứng cử; đảng viên dự bị không được ứng cử."
    ),
    "People who are not delegates and stand by self-nomination or are nominated by delegates must have sent their "
    "candidacy dossier by %(d)s (15 working days before the opening); later dossiers are refused.": (
        "Người không phải là đại biểu, tự ứng cử hoặc được đại biểu giới thiệu, phải nộp hồ sơ ứng cử chậm nhất "
        "ngày %(d)s (15 ngày làm việc trước ngày khai mạc); hồ sơ nộp sau không được tiếp nhận."
    ),
    "Ballots whose two entries differ are taken out of the box and read again by the counters together; ballots "
    "entered only once wait for the second counter.": (
        "Phiếu có hai lần nhập khác nhau được lấy ra và các thành viên Ban Kiểm phiếu cùng đọc lại; phiếu mới nhập "
        "một lần chờ thành viên thứ hai nhập."
    ),
    "Not entered yet": "Chưa nhập",
    "Ballot": "Phiếu",
    "First entry": "Lần nhập thứ nhất",
    "Second entry": "Lần nhập thứ hai",
    "Recount": "Kiểm lại",
    "struck": "gạch",
    "nothing struck": "không gạch tên nào",
    "Record the recount": "Ghi kết quả kiểm lại",
    "Nothing to recount.": "Không có phiếu cần kiểm lại.",
    "Count the round now? The ballots can no longer be changed afterwards.": (
        "Kết thúc kiểm phiếu lần bầu này? Sau đó không thể sửa phiếu."
    ),
    "Count the round": "Kết thúc kiểm phiếu",
    "Names on the ballot": "Danh sách trên phiếu bầu",
    "%(n)s seat": "bầu %(n)s người",
    "%(n)s name on the ballot": "%(n)s người trên phiếu",
    "each paper ballot is entered by two counters, independently": "mỗi phiếu giấy do hai thành viên nhập độc lập",
    "Enter moves on to the names.": "Nhấn Enter để chuyển sang ô nhập tên bị gạch.",
    "Ballots 1 to %(n)s.": "Phiếu số 1 đến %(n)s.",
    "Enter saves; Esc goes back to the ballot number.": "Enter để lưu; Esc để quay lại ô số phiếu.",
    "This round is counted.": "Lần bầu này đã kiểm phiếu xong.",
    "Only the members of the vote-counting committee of this election enter its ballots; you can follow the "
    "progress.": "Chỉ thành viên Ban Kiểm phiếu của cuộc bầu cử này được nhập phiếu; đồng chí có thể theo dõi tiến độ.",
    "Every ballot has been entered twice and the entries agree.": "Mọi phiếu đã được nhập hai lần và khớp nhau.",
    "Your last entries": "Các phiếu đồng chí vừa nhập",
    "elected at the first plenary of the new executive committee": "bầu tại Hội nghị lần thứ nhất Ban Chấp hành khóa mới",
    "surplus allowed up to %(p)s%%": "số dư cho phép tối đa %(p)s%%",
    "Lock the list and number the names for printing?": "Chốt danh sách và đánh số thứ tự để in phiếu bầu?",
    "Lock the list for printing": "Chốt danh sách để in phiếu",
    "Unlock the list? The printed ballots must then be destroyed.": "Mở lại danh sách? Phiếu đã in phải hủy.",
    "Unlock the list": "Mở lại danh sách",
    "%(n)s names for %(s)s seats": "%(n)s người trong danh sách, bầu %(s)s người",
    "surplus %(n)s (%(p)s%%)": "số dư %(n)s (%(p)s%%)",
    "allowed: %(a)s to %(b)s names": "cho phép: từ %(a)s đến %(b)s người",
    "within the limits": "trong giới hạn cho phép",
    "outside the limits": "ngoài giới hạn cho phép",
    "locked %(d)s": "đã chốt %(d)s",
    "Candidate list, in ballot order (given name, family name, middle name)": (
        "Danh sách bầu cử, theo thứ tự trên phiếu (tên, họ, tên đệm)"
    ),
    "Nominated by": "Giới thiệu",
    "Five steps": "5 bước",
    "F": "Nữ",
    "re-nom.": "tái cử",
    "outgoing committee": "cấp ủy giới thiệu",
    "self-nominated": "tự ứng cử",
    "dossier %(d)s": "hồ sơ %(d)s",
    "asks to withdraw": "xin rút",
    "withdrawal refused": "không được rút",
    "Remove from the list?": "Đưa ra khỏi danh sách?",
    "No candidate yet.": "Chưa có người ứng cử.",
    "Candidacy dossiers from people who are not delegates were due %(d)s (15 working days before the opening).": (
        "Hạn nộp hồ sơ ứng cử của người không phải là đại biểu: %(d)s (15 ngày làm việc trước ngày khai mạc)."
    ),
    "Rounds": "Các lần bầu",
    "%(v)s valid, %(i)s invalid": "%(v)s phiếu hợp lệ, %(i)s phiếu không hợp lệ",
    "Minutes (PDF)": "Biên bản (PDF)",
    "Minutes (.docx)": "Biên bản (.docx)",
    "Locking the list sets the first round.": "Chốt danh sách sẽ tạo lần bầu thứ nhất.",
    "%(n)s seat is still unfilled.": "Còn thiếu %(n)s người.",
    "The new round is among the tied candidates.": "Bầu lại giữa những người bằng phiếu.",
    "If the congress decides on another round, choose its candidates.": (
        "Nếu Đại hội quyết định bầu bổ sung, chọn danh sách người ứng cử."
    ),
    "Set a new round": "Tạo lần bầu mới",
    "Nobody named yet: edit the election.": "Chưa có thành viên: sửa thông tin cuộc bầu cử.",
    "Upper-level endorsement": "Chuẩn y của cấp trên",
    "The candidate must receive more than half of the votes of the delegates summoned — not of the ballots.": (
        "Người trúng cử phải được quá một nửa số phiếu bầu so với tổng số đại biểu được triệu tập — không phải so "
        "với số phiếu thu về."
    ),
    "Elections of the congress and of the first plenary": "Các cuộc bầu cử tại Đại hội và Hội nghị lần thứ nhất",
    "Elections you count": "Các cuộc bầu cử đồng chí kiểm phiếu",
    "Candidacy dossiers from non-delegates due %(d)s": "Hạn nộp hồ sơ ứng cử của người không phải là đại biểu: %(d)s",
    "Seats to fill": "Số lượng cần bầu",
    "Candidates": "Người ứng cử",
    "first plenary": "hội nghị lần thứ nhất",
    "locked": "đã chốt",
    "in preparation": "đang chuẩn bị",
    "No election yet.": "Chưa có cuộc bầu cử nào.",
    "not announced": "chưa công bố",
    "No result has been published yet.": "Chưa có kết quả nào được công bố.",
    "Executive committee of %(e)s, Standing Committee of %(s)s": "Ban Chấp hành %(e)s người, Ban Thường vụ %(s)s người",
    "inspection committee of %(n)s": "Ủy ban Kiểm tra %(n)s người",
    "ages at %(d)s": "tính tuổi đến ngày %(d)s",
    "Not saved yet: the sizes shown come from the congress settings.": (
        "Chưa lưu: số lượng hiển thị lấy theo thông tin Đại hội."
    ),
    "Edit the plan": "Sửa đề án",
    "New target": "Thêm chỉ tiêu",
    "Structure targets": "Chỉ tiêu cơ cấu",
    "Target": "Chỉ tiêu",
    "Candidate list": "Danh sách bầu cử",
    "Remove this target?": "Gỡ chỉ tiêu này?",
    "No structure target yet.": "Chưa có chỉ tiêu cơ cấu.",
    "Shares are of the names on the current candidate list (withdrawn names excluded) and of the people elected.": (
        "Tỷ lệ tính trên danh sách bầu cử hiện tại (không tính người đã rút) và trên số người trúng cử."
    ),
    "Candidates who break an age limit": "Người ứng cử quá tuổi tham gia cấp ủy",
    "Candidate": "Người ứng cử",
    "Limit": "Quy định",
    "first time": "lần đầu",
    "counted from 1 January": "tính từ ngày 1 tháng 1",
    "born %(d)s or later": "sinh từ tháng %(d)s trở về sau",
    "Nobody on the candidate lists breaks an age limit.": "Không có người ứng cử nào vượt quá tuổi quy định.",
    "Age limits": "Tuổi tham gia cấp ủy",
    "Men born on or after": "Nam sinh từ ngày",
    "Women born on or after": "Nữ sinh từ ngày",
    "First time": "Lần đầu",
    "Re-nominated": "Tái cử",
    "When only the year of birth is known, the person counts as born on 1 January of that year.": (
        "Trường hợp chỉ có năm sinh thì tính từ ngày 1 tháng 1 của năm đó."
    ),
    "%(n)s person planned for a position": ("%(n)s lượt cán bộ trong quy hoạch"),
    "All positions": "Tất cả chức danh",
    "Party member": "Đảng viên",
    "Position planned for": "Chức danh quy hoạch",
    "Term": "Nhiệm kỳ",
    "Added": "Ngày quy hoạch",
    "Training classes attended": "Lớp bồi dưỡng đã tham gia",
    "Remove from the pool?": "Đưa ra khỏi quy hoạch?",
    "Nobody in the pool yet.": "Chưa có cán bộ trong quy hoạch.",
    "Add to the pool": "Bổ sung quy hoạch",
    "Add": "Thêm",
    "Training classes for the source pool": "Lớp bồi dưỡng nguồn cán bộ",
    "New class": "Thêm lớp",
    "%(n)s attendee": "%(n)s học viên",
    "No training class yet.": "Chưa có lớp bồi dưỡng.",
    "published %(d)s": "công bố lúc %(d)s",
    "not published: visible to the personnel and counting people only": (
        "chưa công bố: chỉ Tiểu ban Nhân sự, bộ phận thư ký và Ban Kiểm phiếu xem được"
    ),
    "Counting minutes (PDF)": "Biên bản kiểm phiếu (PDF)",
    "Publish the results to everyone in the congress?": "Công bố kết quả cho mọi người tham gia Đại hội?",
    "Publish": "Công bố",
    "%(n)s absent without an alternate": "%(n)s vắng mặt không có dự khuyết thay thế",
    "valid": "hợp lệ",
    "invalid": "không hợp lệ",
    "votes needed: more than half of %(n)s": "phiếu cần đạt: quá một nửa của %(n)s",
    "Elected: %(n)s of %(s)s seats.": "Trúng cử: %(n)s/%(s)s người.",
    "Tied across the last seat, a new round among them:": "Bằng phiếu ở vị trí cuối, phải bầu lại giữa:",
    "%(n)s seat unfilled: the congress decides on another round.": (
        "Còn thiếu %(n)s người: Đại hội quyết định việc bầu bổ sung."
    ),
    "Votes per candidate": "Số phiếu của từng người",
    "Votes per candidate, with the number of votes needed": "Số phiếu của từng người và số phiếu cần đạt",
    "needed: %(n)s": "cần đạt: %(n)s",
    "elected": "trúng cử",
    "tied: new round": "bằng phiếu: bầu lại",
    "not elected": "không trúng cử",
    "Votes": "Số phiếu",
    "%% of %(n)s summoned": "%% so với %(n)s người triệu tập",
    "%% of valid ballots": "%% so với phiếu hợp lệ",
    "Outcome": "Kết quả",
    "The numbers of the counting minutes. The delegates summoned come from the delegate registry (at a plenary: "
    "the members of the new executive committee); correct them if the credentials report says otherwise.": (
        "Các số liệu của biên bản kiểm phiếu. Số đại biểu triệu tập lấy từ danh sách đại biểu (tại hội nghị: số "
        "ủy viên Ban Chấp hành khóa mới); điều chỉnh nếu báo cáo thẩm tra tư cách đại biểu có số liệu khác."
    ),
    "Attendees": "Học viên",
    "Completed": "Hoàn thành",
    "Note": "Ghi chú",
    "yes": "có",
    "no": "không",
    "No attendee yet.": "Chưa có học viên.",
    "Add an attendee": "Thêm học viên",
}
