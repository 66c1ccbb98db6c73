"""The demo agencies' registers as data: model (``Cause``, ``Profile``) · economy (市场监管, 生态环境,
交通运输, 城市管理, 农业农村) · society (文化市场, 应急管理, 卫生健康, 自然资源, 水利, the towns)."""
