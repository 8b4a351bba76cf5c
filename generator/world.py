"""The brand's world: catalogue, stores, campaigns, content, partners.

Everything here is drawn from one random stream seeded by the run's seed, so
the same seed gives the same world. People are simulated against it in
`people.py`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "seeds" / "reference"

PERSONAS = (
    "price_sensitive",
    "quality_seeking",
    "late_night",
    "weekend_stockup",
    "occasional",
    "prospect",
)
PERSONA_WEIGHTS = (0.21, 0.17, 0.15, 0.17, 0.14, 0.16)

# Raw spellings of each canonical channel, as exports write them. A few are
# deliberately missing from seeds/reference/channel_mapping.csv ("zhihu",
# "bilibili") so that the unknown-channel path is exercised.
CHANNEL_SPELLINGS: dict[str, tuple[str, ...]] = {
    "xiaohongshu": ("xiaohongshu", "xhs", "XHS", "RED", "小红书"),
    "douyin": ("douyin", "dy", "Douyin", "tiktok_cn", "抖音"),
    "kuaishou": ("kuaishou", "ks", "快手"),
    "tmall": ("tmall", "TMALL", "tmall.com", "天猫"),
    "meituan": ("meituan", "dianping", "美团"),
    "baidu_search": ("baidu", "sem_baidu"),
    "wechat_official_account": ("wx_oa", "wechat_oa", "公众号"),
    "mini_program": ("mini_program", "wx_miniapp", "小程序"),
    "community_group": ("community", "wx_group", "社群"),
    "wecom": ("wecom", "qywx", "企业微信"),
    "sms": ("sms", "SMS", "短信"),
    "email": ("email", "edm", "newsletter"),
    "app_push": ("push", "app_push", "jpush"),
    "app": ("app", "app_ios", "app_android"),
    "partner": ("partner", "co_brand"),
    "unknown": ("zhihu", "bilibili"),
}

CITIES: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("上海", 0.22, ("浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区")),
    ("北京", 0.18, ("朝阳区", "海淀区", "东城区", "丰台区")),
    ("广州", 0.12, ("天河区", "越秀区", "海珠区")),
    ("深圳", 0.12, ("南山区", "福田区", "宝安区")),
    ("杭州", 0.10, ("西湖区", "滨江区", "拱墅区")),
    ("成都", 0.10, ("武侯区", "锦江区", "高新区")),
    ("南京", 0.08, ("鼓楼区", "玄武区", "建邺区")),
    ("武汉", 0.08, ("江汉区", "武昌区", "洪山区")),
)
STREETS = (
    "人民路",
    "中山路",
    "解放路",
    "建设路",
    "和平路",
    "长江路",
    "南京路",
    "延安路",
    "文化路",
    "科技路",
    "新华路",
    "滨江大道",
    "世纪大道",
    "湖滨路",
)
SURNAMES = (
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "林",
    "罗",
    "高",
    "郑",
    "梁",
    "谢",
    "宋",
    "唐",
    "许",
    "韩",
    "冯",
    "邓",
    "曹",
    "彭",
    "曾",
    "肖",
    "田",
    "董",
    "潘",
)
GIVEN_CHARS = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀",
    "霞",
    "平",
    "刚",
    "桂",
    "英",
    "华",
    "玉",
    "萍",
    "红",
    "鹏",
    "辉",
    "晶",
    "婷",
    "宇",
    "浩",
    "凯",
    "欣",
    "雪",
    "琳",
    "晨",
    "思",
    "雨",
    "佳",
    "子",
    "梓",
    "涵",
    "怡",
    "博",
    "文",
    "睿",
)
EMAIL_DOMAINS = (
    "qq.com",
    "163.com",
    "126.com",
    "gmail.com",
    "outlook.com",
    "sina.com",
    "foxmail.com",
)
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "139",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "186",
    "187",
    "188",
    "189",
    "191",
    "199",
)

PLACEHOLDER_PHONE = "13800000000"
PLACEHOLDER_DEVICE = "00000000-0000-0000-0000-000000000000"
PLACEHOLDER_OPENID = "unknown"
WECHAT_OA_APP = "wx_oa_7f3a9c21"
WECHAT_MP_APP = "wx_mp_52be0d8e"
DEFAULT_PHONE_STORE = "S007"
PARTNER_SALT_DEFAULT = "demo-partner-salt-2025"

CONTENT_TOPICS = (
    "healthy_eating",
    "skin_care_tips",
    "hair_care",
    "parenting",
    "fitness",
    "home_living",
    "recipes",
    "promotions",
)
TOPIC_CATEGORY = {
    "healthy_eating": "health_food",
    "skin_care_tips": "skin_care",
    "hair_care": "hair_care",
    "parenting": "baby_care",
    "fitness": "fitness",
    "home_living": "home_care",
    "recipes": "beverages",
    "promotions": None,
}
POSITIVE_COMMENTS = (
    "太好用了，回购！",
    "很喜欢这个，推荐",
    "干货满满，收藏了",
    "质量不错，好评",
    "学到了，感谢分享",
    "效果很好，点赞",
    "包装精致，满意",
)
NEGATIVE_COMMENTS = (
    "有点贵，不值",
    "物流太慢了，失望",
    "用了过敏，差评",
    "感觉一般，没效果",
    "客服态度差",
    "广告太多了",
)
NEUTRAL_COMMENTS = ("请问哪里可以买？", "有优惠吗", "适合油性皮肤吗？", "多少钱", "已关注")

# Products bought together: a purchase of the key's subcategory adds one of the
# values with the given probability. This is the structure that basket
# affinity should find.
COMPLEMENTS: dict[str, tuple[tuple[str, float], ...]] = {
    "shampoo": (("conditioner", 0.55), ("hair_mask", 0.15)),
    "conditioner": (("shampoo", 0.35),),
    "cleanser": (("serum", 0.35), ("face_cream", 0.30)),
    "serum": (("face_cream", 0.45),),
    "body_wash": (("body_lotion", 0.40),),
    "protein_bar": (("oat_milk", 0.35), ("shaker_bottle", 0.10)),
    "granola": (("oat_milk", 0.45), ("mixed_nuts", 0.25)),
    "baby_wash": (("baby_lotion", 0.55), ("diapers", 0.25)),
    "laundry_detergent": (("fabric_softener", 0.45),),
    "yoga_mat": (("resistance_band", 0.40),),
}


def stable_hash(*parts: object, size: int = 8) -> str:
    """Hex digest of the parts: the generator's ids and planted choices."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(text.encode(), digest_size=size).hexdigest()


def stable_unit(*parts: object) -> float:
    """A number in [0, 1) fixed by the parts; used to plant defects."""
    return int(stable_hash(*parts, size=7), 16) / float(1 << 56)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Product:
    product_id: str
    category: str
    subcategory: str
    price_tier: str
    list_price: float


@dataclass(frozen=True)
class Store:
    store_id: str
    name: str
    city: str
    district: str
    phone: str
    opened_on: dt.date


@dataclass(frozen=True)
class Campaign:
    campaign_id: str
    name: str
    channel: str  # canonical channel
    objective: str
    start: dt.date
    end: dt.date
    has_holdout: bool
    audience_rate: float = 0.0
    coupon_value: int = 0


@dataclass(frozen=True)
class ContentItem:
    content_id: str
    channel: str
    content_type: str
    topic: str
    title: str
    published_at: dt.datetime


@dataclass(frozen=True)
class Partner:
    partner_id: str
    name: str
    category: str
    promotion_id: str
    partner_code: str
    our_code: str
    promo_start: dt.date
    promo_end: dt.date


@dataclass
class World:
    seed: int
    start: dt.date
    end: dt.date
    products: list[Product]
    by_subcategory: dict[str, list[Product]]
    by_category: dict[str, list[Product]]
    stores: list[Store]
    campaigns: list[Campaign]
    content: list[ContentItem]
    partners: list[Partner]
    employees: list[dict[str, str]]
    test_accounts: list[dict[str, str]]
    blocklist: list[dict[str, str]] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def campaigns_on(self, channel: str) -> list[Campaign]:
        return [c for c in self.campaigns if c.channel == channel]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _load_products() -> list[Product]:
    return [
        Product(
            r["product_id"],
            r["category"],
            r["subcategory"],
            r["price_tier"],
            float(r["list_price_cny"]),
        )
        for r in _read_csv(REFERENCE / "products.csv")
    ]


def _landline(rng: random.Random, city: str) -> str:
    area = {
        "上海": "021",
        "北京": "010",
        "广州": "020",
        "深圳": "0755",
        "杭州": "0571",
        "成都": "028",
        "南京": "025",
        "武汉": "027",
    }[city]
    return f"{area}-{rng.randint(5000_0000, 8999_9999)}"


def _stores(rng: random.Random, start: dt.date) -> list[Store]:
    stores = []
    number = 0
    for city, weight, districts in CITIES:
        for _ in range(max(2, round(weight * 30))):
            number += 1
            district = rng.choice(districts)
            opened = start - dt.timedelta(days=rng.randint(200, 2500))
            stores.append(
                Store(
                    f"S{number:03d}",
                    f"{city}{district}店{number}",
                    city,
                    district,
                    _landline(rng, city),
                    opened,
                )
            )
    return stores


def _campaigns(rng: random.Random, start: dt.date, end: dt.date) -> list[Campaign]:
    campaigns: list[Campaign] = []
    span = (end - start).days

    def add(
        channel: str,
        objective: str,
        name: str,
        length: int,
        holdout: bool,
        rate: float = 0.0,
        coupon: int = 0,
        begin: dt.date | None = None,
    ) -> None:
        begin = begin or start + dt.timedelta(days=rng.randint(0, span - length))
        number = len(campaigns) + 1
        campaigns.append(
            Campaign(
                f"C{number:04d}",
                name,
                channel,
                objective,
                begin,
                min(end, begin + dt.timedelta(days=length - 1)),
                holdout,
                rate,
                coupon,
            )
        )

    # Always-on paid acquisition, one campaign per platform and half-year.
    for channel, label in (
        ("douyin", "抖音信息流"),
        ("xiaohongshu", "小红书种草"),
        ("kuaishou", "快手短视频"),
        ("baidu_search", "百度搜索"),
        ("tmall", "天猫直通车"),
        ("meituan", "美团到店"),
    ):
        begin = start
        while begin <= end:
            add(channel, "acquisition", f"{label}{begin:%Y%m}", 182, False, begin=begin)
            begin += dt.timedelta(days=182)
    # Messaging and retention programmes with holdouts.
    for channel, label, count in (
        ("sms", "短信", 6),
        ("email", "邮件", 4),
        ("wecom", "企微1对1", 6),
        ("app_push", "APP推送", 5),
    ):
        for k in range(count):
            add(
                channel,
                rng.choice(("retention", "reactivation", "cross_sell")),
                f"{label}关怀{k + 1}",
                10,
                True,
                rate=rng.uniform(0.25, 0.45),
                coupon=rng.choice((0, 10, 20, 30)),
            )
    # Community flash sales: short, posted in the groups.
    for k in range(14):
        add("community_group", "flash_sale", f"社群秒杀{k + 1}", 2, False, rate=0.5, coupon=0)
    return campaigns


def _content(rng: random.Random, start: dt.date, end: dt.date) -> list[ContentItem]:
    items = []
    channel_types = (
        ("wechat_official_account", ("article", "article", "video", "live")),
        ("xiaohongshu", ("note", "video")),
        ("douyin", ("video", "live")),
        ("mini_program", ("article", "poster")),
    )
    span = (end - start).days
    for number in range(1, 161):
        channel, types = channel_types[number % len(channel_types)]
        topic = rng.choice(CONTENT_TOPICS)
        published = dt.datetime.combine(
            start + dt.timedelta(days=rng.randint(0, span - 7)),
            dt.time(rng.choice((8, 12, 18, 20, 21)), rng.randint(0, 59)),
        )
        items.append(
            ContentItem(
                f"CT{number:04d}",
                channel,
                rng.choice(types),
                topic,
                f"{topic.replace('_', ' ')} #{number}",
                published,
            )
        )
    return items


def _partners(rng: random.Random, start: dt.date, end: dt.date) -> list[Partner]:
    spec = (
        ("P01", "绿野健康食品", "health_food"),
        ("P02", "跃动运动", "fitness"),
        ("P03", "贝贝母婴", "baby_care"),
    )
    partners = []
    span = (end - start).days
    for number, (pid, name, category) in enumerate(spec, start=1):
        begin = start + dt.timedelta(days=int(span * (0.35 + 0.2 * number)) % (span - 60))
        partners.append(
            Partner(
                pid,
                name,
                category,
                f"JP{number:02d}",
                f"{pid}X{rng.randint(1000, 9999)}",
                f"OURS{rng.randint(1000, 9999)}",
                begin,
                begin + dt.timedelta(days=29),
            )
        )
    return partners


def build_world(seed: int, start: dt.date, end: dt.date) -> World:
    rng = random.Random(seed)
    products = _load_products()
    by_sub: dict[str, list[Product]] = {}
    by_cat: dict[str, list[Product]] = {}
    for product in products:
        by_sub.setdefault(product.subcategory, []).append(product)
        by_cat.setdefault(product.category, []).append(product)
    return World(
        seed=seed,
        start=start,
        end=end,
        products=products,
        by_subcategory=by_sub,
        by_category=by_cat,
        stores=_stores(rng, start),
        campaigns=_campaigns(rng, start, end),
        content=_content(rng, start, end),
        partners=_partners(rng, start, end),
        employees=_read_csv(REFERENCE / "employees.csv"),
        test_accounts=_read_csv(REFERENCE / "test_accounts.csv"),
    )
