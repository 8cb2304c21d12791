"""Factories of the documents app's tests."""

import datetime

import factory
from django.utils import timezone

from documents.models import Comment, Draft, DraftVersion, Paragraph, ReviewRound
from documents.parsing import number_blocks, parse_structured_text
from tests.factories import CongressFactory, SubcommitteeFactory

OUTLINE = """# I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XXV
Kinh tế của quận tiếp tục tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng thương mại, dịch vụ.
Thu ngân sách trên địa bàn năm sau cao hơn năm trước, vượt chỉ tiêu Đại hội đề ra.
Công tác quản lý đô thị, trật tự xây dựng có nhiều chuyển biến tích cực.
# II. PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2020–2025
Xây dựng Đảng bộ quận trong sạch, vững mạnh; phát huy sức mạnh khối đại đoàn kết toàn dân.
Phát triển kinh tế nhanh, bền vững, lấy thương mại, dịch vụ, du lịch làm trọng tâm.
"""


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Draft

    congress = factory.SubFactory(CongressFactory)
    subcommittee = factory.LazyAttribute(lambda o: SubcommitteeFactory(congress=o.congress, kind="documents"))
    title = factory.Sequence(lambda n: f"Báo cáo chính trị số {n}")
    kind = "political_report"


class VersionFactory(factory.django.DjangoModelFactory):
    """A version with numbered paragraphs from `text` (published unless published=False)."""

    class Meta:
        model = DraftVersion
        skip_postgeneration_save = True

    draft = factory.SubFactory(DraftFactory)
    number = factory.LazyAttribute(lambda o: o.draft.versions.count() + 1)
    source = "typed"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def paragraphs(obj, create, extracted, **kwargs):
        if not create:
            return
        blocks = parse_structured_text(extracted if extracted is not None else OUTLINE)
        labels = number_blocks(blocks)
        Paragraph.objects.bulk_create(
            [
                Paragraph(
                    version=obj,
                    position=i,
                    label=label,
                    kind=block.kind,
                    level=block.level,
                    text=block.text,
                )
                for i, (block, label) in enumerate(zip(blocks, labels, strict=True), start=1)
            ]
        )
        obj.paragraph_count = len(blocks)
        obj.save(update_fields=["paragraph_count"])


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewRound

    version = factory.SubFactory(VersionFactory)
    draft = factory.SelfAttribute("version.draft")
    title = factory.Sequence(lambda n: f"Lấy ý kiến lần {n}")
    opens_on = datetime.date(2020, 4, 1)
    closes_on = datetime.date(2020, 4, 30)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    round = factory.SubFactory(RoundFactory)
    number = factory.Sequence(lambda n: n + 1)
    paragraph = factory.LazyAttribute(lambda o: o.round.version.paragraphs.order_by("position")[1])
    author_name = "Đảng bộ phường Ngọc Hà"
    source = "written"
    text = factory.Sequence(lambda n: f"Đề nghị bổ sung nội dung số {n}.")
