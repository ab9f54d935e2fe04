"""Every word the tool prints, in Chinese (default) and English."""

from __future__ import annotations

MESSAGES = {
    "zh": {
        "col_position": "位置", "col_text": "原文", "col_value": "值", "col_interval": "区间",
        "col_unit": "单位", "col_kind": "类型", "col_severity": "级别", "col_rule": "规则",
        "col_problem": "问题", "col_calculation": "计算",
        "kind_amount": "数量", "kind_count": "计数", "kind_percent": "百分比", "kind_point": "百分点",
        "kind_ratio": "倍数/比", "kind_year": "年份", "kind_date": "日期", "kind_weekday": "星期",
        "kind_time": "时间", "kind_ordinal": "序数",
        "numbers_count": "共 {count} 个数字",
        "col_role": "角色", "col_measure": "指标", "col_head": "对象", "col_compare": "比较", "col_time": "时间",
        "col_of": "所述", "uncertain_total": "（总数不唯一，取可能的最大者）", "fact": "事实",
        "severity_error": "错误", "severity_warning": "警告", "severity_info": "提示",
        "summary": "{path}: 数字 {numbers} 个，参与核对 {checked} 个（覆盖率 {coverage}），"
                   "错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条",
        "checks_held": "已核对且相符的 {count} 项：",
        "set_aside": "另有 {baselined} 条在基线中、{suppressed} 条已豁免，不计入结果",
        "total": "合计：{files} 个文件，错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条",
        "relation_broken": "“{subject}”与同句其他数字不符（{title}），按计算应为 {expected}",
        "relation_truncated": "“{subject}”只有在数字被截断（而非四舍五入）时才与其他数字相符",
        "implied_not_round": "隐含的{name}为 {value}，不像是一个整数目标，请核对",
        "implied_value": "隐含的{name}为 {value}",
        "parts_exceed": "各部分之和 {sum} 超过总数 {total}",
        "part_exceeds": "部分“{part}”大于总数 {total}",
        "parts_dont_add": "各部分合计 {sum}，与总数 {total} 不符",
        "parts_truncated": "各部分合计 {sum} 只在截断取舍下才等于总数 {total}",
        "count_mismatch": "所述数目为 {count}，但列出的项目有 {items} 项：{listed}",
        "restated_differs": "同一指标前后不一：先写作“{first}”，此处为“{second}”",
        "weekday_mismatch": "{date}是{expected}，文中写作“{stated}”",
        "weekday_no_year": "无法确定“{date}”的年份，未核对星期（可用 --date 指定出版日期）",
        "time_reversed": "时间段结束时间 {end} 早于开始时间 {begin}",
        "date_impossible": "“{date}”不存在：{year}年{month}月只有 {days} 天",
        "date_impossible_any_year": "“{date}”不存在：{month}月最多只有 {days} 天",
        "pattern_found": "{title}",
    },
    "en": {
        "col_position": "position", "col_text": "text", "col_value": "value", "col_interval": "interval",
        "col_unit": "unit", "col_kind": "kind", "col_severity": "severity", "col_rule": "rule",
        "col_problem": "problem", "col_calculation": "calculation",
        "kind_amount": "amount", "kind_count": "count", "kind_percent": "percent", "kind_point": "points",
        "kind_ratio": "ratio", "kind_year": "year", "kind_date": "date", "kind_weekday": "weekday",
        "kind_time": "time", "kind_ordinal": "ordinal",
        "numbers_count": "{count} numbers",
        "col_role": "role", "col_measure": "measure", "col_head": "counts", "col_compare": "compared with",
        "col_time": "time", "col_of": "of", "uncertain_total": " (total uncertain: the largest that could be meant)",
        "fact": "fact",
        "severity_error": "error", "severity_warning": "warning", "severity_info": "info",
        "summary": "{path}: {numbers} numbers, {checked} checked (coverage {coverage}), "
                   "{errors} errors, {warnings} warnings, {infos} infos",
        "checks_held": "{count} checks made that hold:",
        "set_aside": "{baselined} more in the baseline and {suppressed} suppressed, not counted",
        "total": "total: {files} files, {errors} errors, {warnings} warnings, {infos} infos",
        "relation_broken": "'{subject}' does not agree with the other figures ({title}); the arithmetic gives {expected}",
        "relation_truncated": "'{subject}' agrees with the other figures only if they were truncated, not rounded",
        "implied_not_round": "the implied {name} is {value}, not a round target; check the figures",
        "implied_value": "the implied {name} is {value}",
        "parts_exceed": "the parts add up to {sum}, more than the total {total}",
        "part_exceeds": "the part '{part}' is larger than its total {total}",
        "parts_dont_add": "the parts add up to {sum}, not to the total {total}",
        "parts_truncated": "the parts add up to {sum}; that equals {total} only if figures were truncated",
        "count_mismatch": "the text counts {count}, but lists {items} items: {listed}",
        "restated_differs": "the same measure is stated as '{first}' and here as '{second}'",
        "weekday_mismatch": "{date} is a {expected}; the text says {stated}",
        "weekday_no_year": "the year of '{date}' is unknown; weekday not checked (give --date)",
        "time_reversed": "the time range ends at {end}, before it starts at {begin}",
        "date_impossible": "'{date}' does not exist: month {month} of {year} has {days} days",
        "date_impossible_any_year": "'{date}' does not exist: month {month} has at most {days} days",
        "pattern_found": "{title}",
    },
}


def text_for(lang: str, key: str, **values) -> str:
    """The message for key in lang, English when a key has no translation."""
    template = MESSAGES.get(lang, MESSAGES["zh"]).get(key) or MESSAGES["en"][key]
    return template.format(**values)
