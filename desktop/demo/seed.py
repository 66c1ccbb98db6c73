"""What every part of the demo draws from: the seed, the county's administrative code and the
names people are given (the demo's areas share these and import nothing from each other)."""

from __future__ import annotations

DEMO_SEED = 2026
"""Every random stream of the demo starts from it: the same seed gives the same county."""
COUNTY_CODE = "341122"
"""示范县's administrative division code (ID numbers, certificate numbers, credit codes)."""
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏飞玉兰海燕波宁晨凯琳欣悦浩然宇轩子涵梓萱一诺俊杰思远雨桐晓东春梅学文永庆长江卫东"
