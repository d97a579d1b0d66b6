"""Every interface text, in Chinese and English: one catalogue for the CLI, the answers, the
page templates and the page script.

Only wording lives here: level names, years and clause text come from the policy data and are
filled in (`{name}` placeholders, `Text.format`). One entry per text, keyed by a stable name,
both languages side by side so a translator reviews them together; the templates read it
through `label(key)`, the page script gets the keys it uses as JSON (`script_wording`), and
`messages.NAME` is the entry `name` (see messages.py). A calculator module may add its own
entries (`add`), which must not clash with these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from calculators.plumbing.texts import Text

WORDING: dict[str, Text] = {
    # Punctuation and languages
    "colon": Text(zh="：", en=": "),
    "open-bracket": Text(zh="（", en=" ("),
    "close-bracket": Text(zh="）", en=")"),
    "list-sep": Text(zh="、", en=", "),
    "clause-sep": Text(zh="；", en="; "),
    "or-sep": Text(zh="或", en=" or "),
    "more-year": Text(zh="{n}年", en="{n} more year"),
    "more-years": Text(zh="{n}年", en="{n} more years"),
    "human-date": Text(zh="{year}年{month}月{day}日", en="{day} {month_name} {year}"),
    "human-month": Text(zh="{year}年{month}月", en="{month_name} {year}"),
    "human-year": Text(zh="{year}年", en="{year}"),
    "separator": Text.same(" · "),
    "dash": Text.same(" — "),
    # Before a citation that follows a sentence: Chinese sets none after its full-width
    # punctuation ("……决定。黄改委发〔2020〕4号（六）").
    "cite-sep": Text(zh="", en=" "),
    "quoted": Text.same("“{value}”"),
    "counted": Text(zh="{label}（{count}）", en="{label} ({count})"),
    "mark-met": Text.same("✔"),
    "mark-missed": Text.same("✘"),
    "lang-zh": Text(zh="中文", en="Chinese"),
    "lang-en": Text(zh="英文", en="English"),
    # Parts of the text
    "preamble": Text(zh="序言", en="Preamble"),
    "closing": Text(zh="附则", en="Final provision"),
    "summary": Text(zh="要点", en="Summary"),
    "standard-wording": Text(zh="标准原文", en="The standard's words"),
    "tags": Text(zh="主题", en="Topics"),
    "derived": Text(zh="据此条的规则", en="Rules derived from this part"),
    "translation": Text(zh="英文译文（非官方）", en="English translation (unofficial)"),
    "unofficial": Text(
        zh="英文为非官方译文，仅供参考；以中文原文为准。",
        en="The English is an unofficial translation for reference only; the Chinese original prevails.",
    ),
    "how-to-cite": Text(zh="如何引用条文", en="How to cite a clause"),
    "read-text": Text(zh="阅读全文", en="Read the full text"),
    # Facts and their sources
    "source": Text(zh="依据", en="Source"),
    "note": Text(zh="说明", en="Note"),
    "statement": Text(zh="说法", en="Statement"),
    "unstated": Text(zh="原文未规定", en="Not set by the text"),
    "no-number": Text(zh="原文未设数值", en="The text sets no number"),
    "none-stated": Text(zh="无来源说明", en="No source states one"),
    "set-elsewhere": Text(zh="原文未指明", en="Not named by the text"),
    "outside-statement": Text(zh="本文件以外的说法", en="Statement outside the Huangshi text"),
    "outside-text": Text(zh="不是本文件的条文", en="Not part of the Huangshi text"),
    "confidence": Text(zh="可信度", en="Confidence"),
    # Levels and titles
    "levels-heading": Text(zh="技能等级", en="Skill levels"),
    "titles-heading": Text(zh="工程技术职称", en="Engineering titles"),
    "tiers-heading": Text(zh="职称层级", en="Title tiers"),
    "treatment-heading": Text(zh="同等待遇", en="Equal treatment"),
    "enterprise-heading": Text(zh="企业自设等级", en="Levels set by employers"),
    "title-application-heading": Text(
        zh="由技能等级申报职称", en="Applying for a title from a skill level"
    ),
    "grade": Text(zh="级别", en="Grade"),
    "level": Text(zh="等级", en="Level"),
    "kind": Text(zh="类别", en="Kind"),
    "title": Text(zh="职称", en="Title"),
    "tier": Text(zh="层级", en="Tier"),
    "condition": Text(zh="条件", en="Condition"),
    "condition-hired": Text(zh="被聘用", en="hired"),
    "may-apply-for": Text(zh="可申报", en="May apply for"),
    "years-after-level": Text(
        zh="取得等级后从事技术技能工作年限",
        en="Years of technical-skill work after obtaining the level",
    ),
    "level-kind-national": Text(zh="国家等级", en="National level"),
    "level-kind-enterprise": Text(zh="企业自设", en="Set by employers"),
    "ladder-caption": Text(
        zh="技能等级阶梯与对应的工程技术职称（点击方框查看依据）",
        en="The level ladder and the engineering titles beside it (select a box for its source)",
    ),
    "ladder-levels": Text(zh="技能等级", en="Skill levels"),
    "ladder-titles": Text(zh="工程技术职称", en="Engineering titles"),
    "ladder-equal": Text(zh="同等待遇（本文件）", en="Equal treatment (this text)"),
    # Evaluation
    "types-heading": Text(zh="评价类型", en="Types of evaluation"),
    "methods-heading": Text(zh="评价方式", en="Evaluation methods"),
    "criteria-heading": Text(zh="评价内容", en="What is evaluated"),
    "evaluators-heading": Text(zh="谁可以评价", en="Who may evaluate"),
    "certificates-heading": Text(zh="证书", en="Certificates"),
    "supervision-heading": Text(zh="监督管理", en="Supervision"),
    "scope": Text(zh="适用范围", en="Applies to"),
    "clause-text": Text(zh="原文", en="The text"),
    "methods": Text(zh="评价方式", en="Methods"),
    "certificate": Text(zh="证书", en="Certificate"),
    # Routes
    "threshold": Text(zh="数量条件", en="Numeric condition"),
    "decided-by": Text(zh="由谁决定", en="Who decides"),
    "max-rank": Text(zh="名次", en="Placing"),
    "top-n": Text(zh="前N名", en="Top N"),
    "registered-with": Text(zh="备案部门", en="Registered with"),
    "min-level": Text(zh="适用等级（最低）", en="Lowest level covered"),
    "routes-intro": Text(
        zh="下列申报条件出自本文件以外的国家文件，每条都标明来源和可信度。",
        en="The application conditions below come from national documents outside the Huangshi text; each names its source and carries a confidence mark.",
    ),
    "default-edition": Text(
        zh="计算器默认采用此版", en="The calculators use this edition by default"
    ),
    "route": Text(zh="途径", en="Route"),
    "conditions": Text(zh="条件", en="Conditions"),
    "target": Text(zh="目标", en="Target"),
    "extensions-heading": Text(
        zh="部分职业标准另设的途径",
        en="Routes found only in some occupation standards",
    ),
    "education-heading": Text(zh="学历类别", en="Kinds of schooling"),
    "education": Text(zh="学历", en="Schooling"),
    "covers": Text(zh="包括", en="Covers"),
    # Targets and home
    "period": Text(zh="期限", en="Period"),
    "years-range": Text(zh="MIN—MAX年", en="MIN to MAX years"),
    "value": Text(zh="人数", en="Head count"),
    "people": Text(zh="人", en=""),
    "home-what": Text(zh="这份文件做什么", en="What the policy does"),
    "home-targets": Text(zh="目标", en="Targets"),
    "home-calculators": Text(zh="计算器", en="Calculators"),
    "calculator-equivalence": Text(
        zh="某一技能等级对应或可申报哪一级工程技术职称",
        en="Which engineering title a skill level is treated as",
    ),
    "calculator-eligibility": Text(
        zh="能否申报下一个技能等级，逐条途径说明还缺什么",
        en="Whether you may apply for the next skill level",
    ),
    "home-reference": Text(zh="浏览本站", en="Browse the site"),
    "faq-intro": Text(
        zh="工人和用人单位常问的问题。每个回答都注明依据，并指向给出完整答案的页面或计算器。",
        en="Questions skilled workers and employers ask. Each answer names what it rests on and points to the page or calculator that answers it in full.",
    ),
    "home-lead": Text(
        zh="查黄石市技能人才评价政策：我能不能申报下一个技能等级？我的技能等级对应哪一级工程技术职称？",
        en="The Huangshi skilled-worker evaluation policy, made easy to check: may I apply for the next skill level? Which engineering title is a skill level treated as?",
    ),
    "home-task-eligibility-who": Text(zh="我是技能劳动者", en="I am a skilled worker"),
    "home-task-eligibility": Text(
        zh="我能申报哪个技能等级？", en="Which skill level may I apply for?"
    ),
    "home-task-equivalence-who": Text(zh="我是用人单位", en="I am an employer"),
    "home-task-equivalence": Text(
        zh="员工的技能等级对应什么职称？",
        en="Which title is an employee's skill level treated as?",
    ),
    "home-in-force": Text(zh="是否有效", en="In force"),
    "in-force-unverified": Text(zh="未经核实。", en="not verified."),
    "in-force-yes": Text(zh="有效。", en="yes."),
    "in-force-no": Text(zh="已失效。", en="no longer."),
    "home-reviewed": Text(zh="（本站最后核对：DATE）", en=" (last reviewed by this site: DATE)"),
    "home-not-official": Text(
        zh="本站不是政府官方网站，计算结果仅供参考；以人社部门的解释为准。",
        en="This is not an official government site; its answers are a guide only, and the human resources and social security department's interpretation prevails.",
    ),
    "more": Text(zh="详情", en="Details"),
    # Glossary, downloads
    "terms-heading": Text(zh="术语", en="Terms"),
    "downloads-intro": Text(
        zh="本站的全部政策数据，以机器可读的形式提供。policy.json 汇集所有文件，各 YAML 文件附有 JSON Schema。",
        en="All of the site's policy data, machine-readable. policy.json holds every file in one document; each YAML file comes with its JSON Schema.",
    ),
    "file": Text(zh="文件", en="File"),
    "shown-on": Text(zh="展示页面", en="Shown on"),
    "schema": Text(zh="结构（JSON Schema）", en="Schema (JSON Schema)"),
    "policy-json": Text(
        zh="全部数据合为一个 JSON 文件（计算器也使用它）",
        en="All the data in one JSON file (the calculators use it too)",
    ),
    "shared-schema": Text(zh="各结构共用的定义", en="Definitions shared by the schemas"),
    # About
    "third-party-heading": Text(zh="第三方软件", en="Third-party software"),
    "third-party-intro": Text(
        zh="本站所含或构建本站所用的第三方软件及其许可证（点击许可证名称查看全文，随本站一同提供）。",
        en="The third-party software in this site or used to build it, and its licences (follow a licence's name for its full text, shipped with the site).",
    ),
    "component": Text(zh="软件", en="Software"),
    "version": Text(zh="版本", en="Version"),
    "licence": Text(zh="许可证", en="Licence"),
    "role": Text(zh="用途", en="What it does here"),
    "build-only": Text(
        zh="（仅用于构建，不随网站提供）", en="(used only to build the site; not in it)"
    ),
    "about-intro": Text(
        zh="本站把一份地方政策文件按条文结构化，逐条给出原文、英文译文、要点和由此得出的规则；所有页面都由同一份数据生成。",
        en="This site structures one municipal policy document clause by clause: the original, an English translation, a summary and the rules derived from each clause. Every page is generated from the same data.",
    ),
    "document-heading": Text(zh="文件信息", en="The document"),
    "doc-title": Text(zh="标题", en="Title"),
    "doc-number": Text(zh="文号", en="Number"),
    "issuer": Text(zh="发文机关", en="Issued by"),
    "date-issued": Text(zh="发文日期", en="Date of issue"),
    "effective": Text(zh="施行", en="In force"),
    "interpreting-authority": Text(zh="解释机关", en="Interpreted by"),
    "translation-heading": Text(zh="关于英文译文", en="About the English translation"),
    "translation-more": Text(
        zh="每个中文术语只用一种英文译法，见",
        en="Each Chinese term has one English rendering throughout; see",
    ),
    "confidence-heading": Text(zh="可信度标记", en="Confidence marks"),
    "confidence-intro": Text(
        zh="出自本文件以外的事实都标有可信度：",
        en="Every fact that does not come from the Huangshi text itself carries a confidence mark:",
    ),
    "sources-intro": Text(
        zh="黄石《意见》的条文按条号引用；以下是数据引用的其他文件，各附文号、标题、日期、可信度，以及本站从中采用了什么、用在哪里。",
        en="The Huangshi text is cited by clause; these are the other documents the data cites, each with its number, title, date and confidence mark, and what the site takes from it and where.",
    ),
    "sources-more": Text(
        zh="数据引用的其他文件及其可信度，见",
        en="The other documents the data cites, with their confidence marks, are listed on",
    ),
    "issued": Text(zh="印发时间", en="Issued"),
    "issued-unknown": Text(zh="不详", en="not known"),
    "scope-of-source": Text(zh="适用范围", en="Reach"),
    "takes": Text(zh="本站采用的内容", en="What the site takes from it"),
    "changes-intro": Text(
        zh="对政策编码的每一次修改：何时改、改了什么、为什么改、影响哪些规则和页面。最新的在前。计算器的每个答案都注明所用数据的版本（最新一条记录的日期和数据摘要）。",
        en="Every change to the encoded policy: when, what, why, and which rules and pages it affects, newest first. Every calculator answer states the data version it used (the date of the newest entry and a digest of the data).",
    ),
    "change-kind-correction": Text(zh="更正", en="Correction"),
    "change-kind-edition": Text(zh="新版本", en="New edition"),
    "change-kind-amendment": Text(zh="修订", en="Amendment"),
    "change-why": Text(zh="原因", en="Why"),
    "changes-feed": Text(zh="订阅变更记录（Atom 源）", en="Subscribe to the changes (Atom feed)"),
    "feed-title": Text(
        zh="黄石市技能人才评价制度改革：变更记录",
        en="Huangshi skilled-worker evaluation reform: changes",
    ),
    "feed-author": Text(zh="本站维护者（非官方）", en="The site's maintainers (unofficial)"),
    "change-records": Text(zh="涉及的记录", en="Records affected"),
    "change-pages": Text(zh="涉及的页面", en="Pages affected"),
    "data-version": Text(zh="当前数据版本", en="Current data version"),
    "scope-of-answer": Text(zh="适用范围", en="Scope"),
    "cite-heading": Text(zh="如何引用", en="How to cite"),
    "cite-intro": Text(
        zh="每一条、每一项都有固定的锚点，中英文页面相同；把锚点接在全文页面的地址后面即为永久链接：",
        en="Every clause and sub-item has a permanent anchor, the same in both languages; append it to the address of the full-text page for a permalink:",
    ),
    "cite-example": Text(zh="例如", en="For example"),
    # Calculators (templates/calc-*.md.j2 and the page script)
    "calc-equivalence-intro": Text(
        zh="选择技能等级，查看被聘用者比照哪一级工程技术职称享受同等待遇，以及可以申报哪一级职称。结果在您的浏览器中计算，可通过地址分享。",
        en="Choose a skill level to see which engineering title a hired holder is treated as equal to, and which title the holder may apply for. The answer is computed in your browser, and its address can be shared.",
    ),
    "calc-eligibility-intro": Text(
        zh="填写您的情况（只填知道的即可），查看能否申报目标技能等级：逐条列出每个途径是否满足、还缺什么，以及所依据的条文和文件。结果在您的浏览器中计算，可通过地址分享。",
        en="Fill in your situation (only what you know) to see whether you may apply for a skill level: every route, met or not, what is missing, and the clause or document it rests on. The answer is computed in your browser, and its address can be shared.",
    ),
    "calc-hired": Text(zh="已被聘用到相应技能岗位", en="Hired (employed in a post at this level)"),
    "calc-hired-off": Text(
        zh="未被聘用到相应技能岗位", en="Not hired (not employed in a post at this level)"
    ),
    "calc-submit-equivalence": Text(zh="查看对应职称", en="Show the equivalent title"),
    "calc-submit-eligibility": Text(zh="判断能否申报", en="Check eligibility"),
    "calc-noscript": Text(
        zh="计算器需要 JavaScript；下方表格列出了全部结果。",
        en="The calculator needs JavaScript; the table below lists every answer.",
    ),
    "calc-runtime-loading": Text(
        zh="正在加载计算程序（在浏览器中运行的 Python）……表单现在即可填写。",
        en="Loading the calculator (Python running in your browser)… You can fill in the form meanwhile.",
    ),
    "calc-runtime-ready": Text(
        zh="计算程序已就绪：结果在您的浏览器中计算。",
        en="The calculator is ready: answers are computed in your browser.",
    ),
    "calc-runtime-checksum": Text(
        zh="计算程序的文件未通过 SHA-256 校验，已拒绝运行。",
        en="A file of the calculator failed its SHA-256 checksum and was refused.",
    ),
    "calc-runtime-failed": Text(
        zh="计算程序未能加载。下方表格列出了全部规则，仍可据此查询。",
        en="The calculator could not be loaded. The tables below list every rule and still answer.",
    ),
    "calc-waiting-loading": Text(
        zh="计算程序加载完成后即显示结果。",
        en="The answer will appear as soon as the calculator has loaded.",
    ),
    "calc-waiting-failed": Text(
        zh="计算程序未能加载，无法在此给出结果；请查阅下方的表格。",
        en="The calculator could not be loaded, so it cannot answer here; please use the tables below.",
    ),
    "calc-table-link": Text(zh="查看表格", en="Go to the tables"),
    "calc-ignored": Text(
        zh="网址中的以下内容无法识别，已忽略，表单中为默认值：",
        en="Not understood in the address, so ignored (the form shows the default instead): ",
    ),
    "calc-equivalent": Text(zh="同等待遇", en="Treated as equal to"),
    "calc-no-equivalent": Text(zh="没有对应的职称", en="No equivalent title"),
    "calc-no-equivalent-level": Text(zh="没有对应的技能等级", en="No corresponding skill level"),
    "calc-equal-if-hired": Text(zh="同等待遇（被聘用者）", en="Treated as equal to (if hired)"),
    "calc-edition-applied": Text(zh="所依据的申报条件", en="Conditions applied"),
    "calc-routes": Text(zh="国家申报途径（满足任一即可）", en="National routes (any one suffices)"),
    "calc-special-routes": Text(
        zh="黄石《意见》的特别途径（不计入上述结论）",
        en="Special routes of the Huangshi text (not part of the result above)",
    ),
    "calc-special-open": Text(zh="存在，原文未规定条件", en="exists; the text sets no condition"),
    "calc-special-possible": Text(zh="可能适用", en="possible"),
    "calc-special-not-met": Text(zh="不适用", en="does not apply"),
    "calc-special-not-stated": Text(zh="未提供信息", en="no facts given"),
    "calc-met": Text(zh="满足", en="met"),
    "calc-missed": Text(zh="不满足", en="not met"),
    "calc-missing": Text(zh="此途径未满足的条件", en="This route still needs"),
    "calc-all-routes": Text(zh="每条途径的情况", en="How each route stands"),
    "calc-copy-link": Text(zh="复制链接", en="Copy link"),
    "calc-copied": Text(zh="已复制链接", en="Link copied"),
    "calc-print": Text(zh="打印结果", en="Print the answer"),
    "calc-checked-at": Text(zh="查询时间", en="Checked on"),
    "calc-address": Text(zh="网址", en="Address"),
    # The page's list of what its address may say (calc-macros.j2 `address_help`).
    "calc-address-heading": Text(zh="用网址打开答案", en="Opening an answer by its address"),
    "calc-address-intro": Text(
        zh="“复制链接”给出的网址写明了所填的每一项，打开它就得到同样的答案。也可以自己写："
        "在本页网址后加上“?参数=值”，多项之间用“&”连接。没写的项按表单的默认值；"
        "无法识别的值不会被采用，答案上方会列出。",
        en="The address “Copy link” gives names every field filled in: opening it gives the"
        " same answer. You can also write one: add “?parameter=value” to this page's address,"
        " joining several with “&”. A field not named keeps the form's default; a value that"
        " cannot be read is not used, and is listed above the answer.",
    ),
    "calc-address-flag": Text(zh="true 或 false", en="true or false"),
    "calc-address-date": Text(
        zh="日期 YYYY-MM-DD，或只写月份 YYYY-MM", en="A date as YYYY-MM-DD, or a month as YYYY-MM"
    ),
    "calc-address-number": Text(zh="数字", en="A number"),
    "calc-address-whole": Text(zh="整数", en="A whole number"),
    "calc-address-range": Text(zh="{low} 至 {high}", en="{low} to {high}"),
    "calc-inputs": Text(zh="所填情况", en="What was entered"),
    "calc-extension": Text(zh="部分职业标准另设", en="only in some occupation standards"),
    "calc-notes": Text(zh="说明", en="Notes"),
    "calc-sources": Text(zh="依据", en="Sources"),
    "calc-quote": Text(zh="原文", en="The text"),
    "calc-quotes": Text(zh="所依据的条文原文", en="The clauses it rests on"),
    "calc-none": Text(zh="无", en="None"),
    "calc-target-next": Text(zh="现有证书的上一级", en="The level above my certificate"),
    "calc-group-target": Text(zh="申报目标", en="Level applied for"),
    "calc-group-certificate": Text(zh="现有职业技能等级证书", en="Skill-level certificate held"),
    "calc-group-work": Text(zh="工作经历", en="Work"),
    "calc-group-education": Text(zh="学历", en="Schooling"),
    "calc-group-title": Text(zh="专业技术职称", en="Professional title"),
    "calc-group-competition": Text(zh="职业技能竞赛", en="Skills competition"),
    "calc-field-target": Text(zh="申报等级", en="Level applied for"),
    "calc-field-edition": Text(zh="申报条件版本", en="Edition of the conditions"),
    "calc-edition-hint": Text(
        zh="以您所从事职业（工种）的国家职业技能标准为准：2023年以前颁布的标准多照录2018年版的条件，2023年起颁布的新标准采用新的条件。不确定时，两个版本各算一次。",
        en="Your own occupation's national skill standard governs: standards issued before 2023 mostly reproduce the 2018 conditions, and new standards issued from 2023 use the newer ones. If you are not sure, check with each edition.",
    ),
    "calc-date-hint": Text(
        zh="可写到日（2021-06-01），也可只写年月（2021-06、2021年6月）。只写年月时按该月最后一天计算：从严，不会把日期算早。",
        en="Write the day (2021-06-01) or the month alone (2021-06). A month alone counts as its last day: the cautious reading, which never makes a date too early.",
    ),
    "calc-edition-unsure": Text(
        zh="不确定：给出每个版本的结论", en="Not sure: answer under each edition"
    ),
    "calc-editions-agree": Text(
        zh="另一版本的结论相同：", en="The other edition gives the same answer:"
    ),
    "calc-editions-differ": Text(
        zh="另一版本的结论不同，以您所从事职业的国家职业技能标准采用的版本为准：",
        en="The other edition gives a different answer; the one your occupation's national skill standard uses applies:",
    ),
    "calc-under-edition": Text(zh="按{edition}：{headline}", en="Under the {edition}: {headline}"),
    "calc-edition-how": Text(zh="怎样知道适用哪个版本？", en="Which one applies to me?"),
    "calc-field-extensions": Text(
        zh="包括部分职业标准另设的途径",
        en="Include routes found only in some occupation standards",
    ),
    "calc-field-certificate": Text(zh="现有证书等级", en="Certificate held"),
    "calc-field-years_since_certificate": Text(
        zh="取得证书后从事本职业或相关职业工作的年限",
        en="Years of work in the occupation since the certificate",
    ),
    "calc-field-certificate_date": Text(
        zh="取得证书的日期（可代替年限）",
        en="Date of the certificate (instead of the years)",
    ),
    "calc-field-same_or_related": Text(
        zh="证书属于本职业或相关职业",
        en="The certificate is in this or a related occupation",
    ),
    # The command line's options that turn a default-true flag off say the opposite (cli.py).
    "calc-field-same_or_related-off": Text(
        zh="证书不属于本职业，也不属于相关职业",
        en="The certificate is in neither this occupation nor a related one",
    ),
    "calc-field-total_years": Text(
        zh="累计从事本职业或相关职业工作的年限",
        en="Years of work in this or a related occupation in total",
    ),
    "calc-field-working_in_occupation": Text(
        zh="正在或准备从事本职业",
        en="Working or about to work in the occupation",
    ),
    "calc-field-working_in_occupation-off": Text(
        zh="既未从事、也不准备从事本职业",
        en="Neither working nor about to work in the occupation",
    ),
    "calc-field-apprenticeship_completed": Text(
        zh="本职业或相关职业学徒期满",
        en="Apprenticeship completed in this or a related occupation",
    ),
    "calc-field-age": Text(zh="年龄", en="Age"),
    "calc-field-education": Text(zh="最高学历", en="Highest schooling"),
    "calc-field-final_year_student": Text(zh="在校应届毕业生", en="Final-year student"),
    "calc-field-preparatory_technician": Text(
        zh="持有预备技师证书",
        en="Holds a preparatory-technician certificate",
    ),
    "calc-field-technician_class": Text(
        zh="在读或毕业于预备技师班、技师班",
        en="In or from a preparatory-technician or technician class",
    ),
    "calc-field-title": Text(zh="职称层级", en="Title tier"),
    "calc-field-years_since_title": Text(
        zh="取得职称后的工作年限", en="Years of work since the title"
    ),
    "calc-field-work_start_date": Text(
        zh="开始从事本职业或相关职业工作的日期（可代替年限）",
        en="Date work in this or a related occupation began (instead of the years)",
    ),
    "calc-field-title_date": Text(
        zh="取得职称的日期（可代替年限）", en="Date of the title (instead of the years)"
    ),
    "calc-field-as_of": Text(
        zh="按哪一天计算（默认今天）", en="The day to check on (default: today)"
    ),
    "calc-as-of-hint": Text(
        zh="答案按这一天施行的规则作出，并列出当天施行的文件；规则在这一天前后有变化的，答案会说明换一个日期有何不同。",
        en="The answer applies the rules in force on this day and names the documents in force then; where the rules change before or after it, the answer says what differs on the other side.",
    ),
    "level-option": Text(zh="{grade} · {name}", en="{grade} · {name}"),
    "calc-field-competition_rank": Text(
        zh="经备案竞赛中的名次", en="Placing in a registered competition"
    ),
    "calc-table-equivalence": Text(zh="全部对应关系", en="The whole table"),
    "calc-table-equivalence-intro": Text(
        zh="下表由计算器的同一程序在建站时生成，不需要 JavaScript。",
        en="This table is produced when the site is built, by the same program as the calculator; it needs no JavaScript.",
    ),
    "calc-table-routes": Text(zh="全部申报途径", en="Every route"),
    "calc-table-routes-intro": Text(
        zh="下列表格由计算器的同一程序在建站时生成，不需要 JavaScript。满足某一等级的任一途径即可申报。",
        en="These tables are produced when the site is built, by the same program as the calculator; they need no JavaScript. Meeting any one route to a level is enough to apply for it.",
    ),
    # Command line (cli.py)
    "bad-command-line": Text(
        zh="命令行有误：{message}（用 --help 查看可用选项）",
        en="bad command line: {message} (see --help for the accepted options)",
    ),
    "not-a-number": Text(
        zh="应为数字，如 4 或 2.5（收到 {found}）",
        en="must be a number such as 4 or 2.5 (found {found})",
    ),
    "not-a-whole-number": Text(
        zh="应为整数，如 3（收到 {found}）",
        en="must be a whole number such as 3 (found {found})",
    ),
    "given-twice": Text(
        zh="只能给出一次（收到 {values}）", en="may be given only once (found {values})"
    ),
    "years-or-date": Text(
        zh="与 {other} 只能给出其一：年限或日期",
        en="give either this or {other}: the years or the date",
    ),
    "cli-json": Text(zh="输出 JSON 格式的回答", en="print the JSON response object"),
    "cli-lang": Text(
        zh="文字和错误信息的语言：zh（默认）或 en", en="zh (default) or en, for text and errors"
    ),
    "cli-tables": Text(zh="全部对应关系和申报途径", en="every equivalence and route"),
    "cli-accepted": Text(zh="可选：{accepted}", en="accepted: {accepted}"),
    "cli-field": Text(zh="{label}（{accepted}）", en="{label} ({accepted})"),
    "cli-range": Text(zh="{kind}，{span}", en="{kind}, {span}"),
    "cli-number": Text(zh="数字", en="a number"),
    "cli-whole-number": Text(zh="整数", en="a whole number"),
    # Answers
    "data-version-of": Text(
        zh="数据版本：{date}（{digest}）", en="Data version: {date} ({digest})"
    ),
    # Names and lists
    "name-with-grade": Text(zh="{name}（{grade}）", en="{name} ({grade})"),
    "source-number": Text(zh="{number}", en="{english} ({number})"),
    "source-with-scope": Text(zh="{number}（{scope}）", en="{number} ({scope})"),
    "id-with-name": Text(zh="{id}（{name}）", en="{id} ({name})"),
    # Input errors
    "type-list": Text(zh="应为列表（收到 {found}）", en="must be a list (found {found})"),
    "type-object": Text(zh="应为对象（收到 {found}）", en="must be an object (found {found})"),
    "type-bool": Text(
        zh="应为 true 或 false（收到 {found}）", en="must be true or false (found {found})"
    ),
    "type-int": Text(zh="应为整数（收到 {found}）", en="must be a whole number (found {found})"),
    "type-number": Text(zh="应为数字（收到 {found}）", en="must be a number (found {found})"),
    "type-string": Text(zh="应为文字（收到 {found}）", en="must be text (found {found})"),
    "type-date": Text(
        zh="应为 YYYY-MM-DD 格式的日期，或只写年月：YYYY-MM、2021年6月（收到 {found}）",
        en="must be a date as YYYY-MM-DD, or a month alone as YYYY-MM (found {found})",
    ),
    "unknown-field": Text(
        zh="未知字段“{name}”；可用字段：{accepted}",
        en="unknown field '{name}'; accepted: {accepted}",
    ),
    "required-field": Text(zh="必须填写", en="is required"),
    "needs-field": Text(
        zh="需要同时给出“{other}”（{name}）", en="needs “{other}” ({name}) as well"
    ),
    "level-or-title": Text(
        zh="请给出等级（level）或职称（title）其中之一",
        en="give either a level or a title (one of the two)",
    ),
    "unknown-value": Text(
        zh="无法识别“{found}”；可选：{accepted}",
        en="unknown value '{found}'; accepted: {accepted}",
    ),
    "no-routes": Text(
        zh="“{found}”没有国家申报条件；可选：{accepted}",
        en="'{found}' has no national application conditions; accepted: {accepted}",
    ),
    "no-level-above": Text(
        zh="{level}之上没有可以按国家条件申报的等级",
        en="there is no level above {level} to apply for under the national conditions",
    ),
    "no-targets": Text(zh="此版本没有可申报的等级", en="this edition has no level to apply for"),
    "target-not-above": Text(
        zh="申报等级{target}不高于现有证书{level}；可选：{accepted}",
        en="the target {target} is not above the certificate held ({level}); accepted: {accepted}",
    ),
    "range-years": Text(
        zh="年限应在{low}到{high}之间（收到 {found}）",
        en="years must be between {low} and {high} (found {found})",
    ),
    "range-age": Text(
        zh="年龄应在{low}到{high}之间（收到 {found}）",
        en="age must be between {low} and {high} (found {found})",
    ),
    "range-rank": Text(
        zh="名次应为不小于{low}的整数（收到 {found}）",
        en="the place must be {low} or more (found {found})",
    ),
    "date-range": Text(
        zh="日期应在{first}至{last}之间（收到{found}）",
        en="the date must be between {first} and {last} (found {found})",
    ),
    "date-after": Text(
        zh="日期{found}晚于计算日期{as_of}",
        en="the date {found} is after the as-of date {as_of}",
    ),
    "unknown-kind": Text(
        zh="未知的计算类型“{found}”；可选：{accepted}",
        en="unknown kind '{found}'; accepted: {accepted}",
    ),
    "bad-json": Text(
        zh="请求不是有效的 JSON（{found}）", en="the request is not valid JSON ({found})"
    ),
    "json-too-deep": Text(zh="嵌套层数过多", en="nested too deeply"),
    "json-too-many-digits": Text(zh="数字位数过多", en="a number has too many digits"),
    # Conditions: what is required
    "related-occupation": Text(zh="本职业或相关职业", en=" in this or a related occupation"),
    "related-specialty": Text(zh="本专业或相关专业的", en=" in the specialty or a related one"),
    "req-certificate": Text(
        zh="持有{related}{level}或以上等级证书",
        en="{a_level} certificate or higher{related}",
    ),
    "req-years-after-cert": Text(
        zh="取得{level}证书后累计从事本职业或相关职业工作{years}以上",
        en="at least {years} of work in this or a related occupation after obtaining {level}",
    ),
    "req-years-holding-cert": Text(
        zh="持有{level}证书满{years}",
        en="the {level} certificate held for at least {years}",
    ),
    "req-total-years": Text(
        zh="累计从事本职业或相关职业工作{years}以上",
        en="at least {years} of cumulative work in this or a related occupation",
    ),
    "req-apprenticeship": Text(zh="{related}学徒期满", en="an apprenticeship completed{related}"),
    "related-diploma": Text(zh="（本专业或相关专业）", en=" in the specialty or a related one"),
    "req-education": Text(
        zh="学历为以下之一{related}：{options}{final}",
        en="one of these diplomas{related}: {options}{final}",
    ),
    "final-year-counts": Text(zh="（含在校应届毕业生）", en=" (final-year students included)"),
    "final-year-excluded": Text(
        zh="（须已毕业）", en=" (graduated; final-year students do not count)"
    ),
    "req-preparatory": Text(
        zh="持有{related}预备技师证书",
        en="a preparatory-technician certificate{related}",
    ),
    "req-technician-class": Text(
        zh="技师学院预备技师班或技师班的学生（或毕业生）",
        en="a student (or graduate) of a preparatory-technician or technician class of a technician college",
    ),
    "req-title": Text(zh="具有{related}{tier}或以上", en="{a_tier} or higher{related}"),
    "req-years-after-title": Text(
        zh="取得{tier}后累计从事本职业或相关职业工作{years}以上",
        en="at least {years} of work in this or a related occupation after obtaining the {tier}",
    ),
    "req-age": Text(zh="年满{min}周岁", en="aged {min} or over"),
    "req-working": Text(
        zh="从事或准备从事本职业或相关职业工作",
        en="working, or intending to work, in this or a related occupation",
    ),
    # Conditions: what is missing
    "miss-certificate": Text(zh="需取得{level}证书", en="needs {a_level} certificate"),
    "miss-certificate-related": Text(
        zh="证书须属本职业或相关职业",
        en="the certificate must be in this or a related occupation",
    ),
    "miss-years-after-cert": Text(
        zh="还需在取得{level}后再工作{more}",
        en="{more} of work after obtaining {level}",
    ),
    "miss-years-holding-cert": Text(
        zh="还需再持有{level}证书{more}",
        en="{more} holding the {level} certificate",
    ),
    "miss-cert-then-years": Text(
        zh="需取得{level}证书，并在其后工作{years}",
        en="needs {level}, then {years} of work after it",
    ),
    "miss-cert-then-hold": Text(
        zh="需取得{level}证书并持有满{years}", en="needs {level}, held for {years}"
    ),
    "miss-years-cert-unknown": Text(
        zh="未提供取得{level}后的工作年限",
        en="years of work since obtaining {level} not given",
    ),
    "miss-total-years": Text(zh="还需再累计工作{more}", en="{more} of cumulative work"),
    "miss-total-unknown": Text(zh="未提供累计工作年限", en="total years of work not given"),
    "miss-apprenticeship": Text(
        zh="需{related}学徒期满",
        en="needs a completed apprenticeship{related}",
    ),
    "miss-education": Text(
        zh="学历需为以下之一：{options}", en="needs one of these diplomas: {options}"
    ),
    "miss-education-related": Text(
        zh="毕业证书须为本专业或相关专业",
        en="the diploma must be in the specialty or a related one",
    ),
    "miss-education-graduated": Text(
        zh="此途径不接受在校应届毕业生，须已毕业",
        en="final-year students do not count here: the diploma itself is needed",
    ),
    "miss-preparatory": Text(
        zh="需持有{related}预备技师证书",
        en="needs a preparatory-technician certificate{related}",
    ),
    "miss-technician-class": Text(
        zh="需为技师学院预备技师班或技师班的学生",
        en="needs to be in a preparatory-technician or technician class of a technician college",
    ),
    "miss-title": Text(zh="需取得{related}{tier}或以上", en="needs {a_tier} or higher{related}"),
    "miss-title-related": Text(
        zh="职称须为本专业或相关专业",
        en="the title must be in the specialty or a related one",
    ),
    "miss-years-after-title": Text(
        zh="还需在取得{tier}后再工作{more}",
        en="{more} of work after obtaining the {tier}",
    ),
    "miss-title-then-years": Text(
        zh="需取得{tier}，并在其后工作{years}",
        en="needs {a_tier}, then {years} of work after it",
    ),
    "miss-years-title-unknown": Text(
        zh="未提供取得{tier}后的工作年限",
        en="years of work since obtaining the {tier} not given",
    ),
    "miss-age": Text(zh="需年满{min}周岁（还差{more}）", en="must be aged {min} or over ({more})"),
    "miss-age-unknown": Text(zh="未提供年龄", en="age not given"),
    "miss-working": Text(
        zh="需从事或准备从事本职业或相关职业工作",
        en="needs to work, or intend to work, in this or a related occupation",
    ),
    "met-from": Text(zh="（{date}起满足）", en=" (met from {date})"),
    "miss-after-cert-until": Text(
        zh="需在取得{level}后工作至{date}",
        en="work after obtaining {level} until {date}",
    ),
    "miss-holding-cert-until": Text(
        zh="需持有{level}证书至{date}",
        en="the {level} certificate held until {date}",
    ),
    "miss-total-until": Text(zh="需累计工作至{date}", en="cumulative work until {date}"),
    "miss-after-title-until": Text(
        zh="需在取得{tier}后工作至{date}",
        en="work after obtaining the {tier} until {date}",
    ),
    # Routes and decisions
    "route-met": Text(
        zh="满足途径{label}：{conditions}。", en="Route {label} is met: {conditions}."
    ),
    "route-unmet": Text(
        zh="不满足途径{label}：{missing}。", en="Route {label} is not met: {missing}."
    ),
    "eligible": Text(
        zh="可以申报{target}：满足{edition}的途径{labels}。",
        en="Eligible to apply for {target}: route {labels} of the {edition} is met.",
    ),
    "not-eligible": Text(
        zh="暂不符合按{edition}申报{target}的条件。",
        en="Not yet eligible to apply for {target} under the {edition}.",
    ),
    "eligible-from": Text(
        zh="按所给日期，最早可于{date}起申报（途径{label}）。",
        en="On the dates given, eligible from {date} (route {label}).",
    ),
    "headline-eligible": Text(
        zh="可以申报{target}，依据途径{labels}。",
        en="You may apply for {target}, by route {labels}.",
    ),
    "headline-from": Text(
        zh="{date}起可以申报{target}，依据途径{label}。",
        en="You may apply for {target} from {date}, by route {label}.",
    ),
    "headline-not-yet": Text(
        zh="暂不能申报{target}。最接近的是途径{label}：{missing}。",
        en="You may not apply for {target} yet. The closest route is {label}: {missing}.",
    ),
    "standard-governs": Text(
        zh="申报条件以所申报职业（工种）的国家职业技能标准为准；本结果依据{edition}，仅供参考。",
        en="The national vocational skill standard of the applicant's occupation governs; this answer applies the {edition} and is a guide only.",
    ),
    "extensions-on": Text(
        zh="已计入仅见于部分职业标准的扩展途径（E…）：只有所申报职业的标准含有这些途径时才适用。",
        en="Occupation-specific extension routes (E…) are included: they apply only where the applicant's own occupation standard contains them.",
    ),
    "years-disagree": Text(
        zh="所给的{field}（{given}）与日期推算的年限（{dated}）不一致：是否满足按所给年限判断，满足日期按日期推算。",
        en="The {field} given ({given}) disagrees with the dates ({dated}): whether a condition is met follows the figure given, the day it is met follows the dates.",
    ),
    "calendar-years": Text(
        zh="年限按公历年计算：N年期满之日为N年后的同月同日；2月29日起算的，平年以2月28日为期满日。",
        en="Years are calendar years: N years end on the same month and day N years later; from 29 February they end on 28 February in a common year.",
    ),
    # Special routes
    "special-open": Text(
        zh="{name}（{source}）：此途径存在，原文未规定年限、名次等数量条件。由谁决定：{decided_by}",
        en="{name} ({source}): the route exists; the text sets no years, ranking or other numeric condition. Who decides: {decided_by}",
    ),
    "special-competition-possible": Text(
        zh="{name}（{source}）：第{rank}名在前{max}名之内。若该竞赛经{registered_with}备案，可按规定直接认定相应等级。{level_note}",
        en="{name} ({source}): place {rank} is within the first {max}. If the competition is registered with {registered_with}, direct recognition of the corresponding level is possible, in accordance with regulations. {level_note}",
    ),
    "special-competition-not-met": Text(
        zh="{name}（{source}）：第{rank}名不在前{max}名之内，此途径不适用。",
        en="{name} ({source}): place {rank} is not within the first {max}; the route does not apply.",
    ),
    "special-competition-not-stated": Text(
        zh="{name}（{source}）：未提供竞赛名次。在经{registered_with}备案的竞赛中取得前{max}名的，可按规定直接认定相应等级。{level_note}",
        en="{name} ({source}): no competition place given. The first {max} in a competition registered with {registered_with} may be granted direct recognition of the corresponding level, in accordance with regulations. {level_note}",
    ),
    # Equivalence
    "eq-hired": Text(
        zh="被聘用的{level}比照{title}享受同等待遇（{source}）。",
        en="A hired {level} enjoys the same treatment as holders of the title {title} ({source}).",
    ),
    "eq-not-hired": Text(
        zh="{source}只适用于被聘用者：被聘用的{level}比照{title}享受同等待遇；未被聘用的不适用。",
        en="{source} covers only hired holders: a hired {level} is treated like holders of the title {title}; a holder who is not hired is not covered.",
    ),
    "eq-scope": Text(zh="{text}（{source}）", en="{text} ({source})"),
    "eq-not-covered": Text(zh="{level}：{note}", en="{level}: {note}"),
    "eq-enterprise-none": Text(zh="{level}：{statement}", en="{level}: {statement}"),
    "eq-no-statement": Text(
        zh="本项目掌握的来源没有规定{level}的对应职称。",
        en="No source the project holds states a title equivalent for {level}.",
    ),
    "eq-reverse": Text(
        zh="{title}对应被聘用的{level}：后者比照前者享受同等待遇（{source}）。",
        en="{title} corresponds to a hired {level}, who enjoys the same treatment ({source}).",
    ),
    "eq-reverse-none": Text(
        zh="没有来源规定与{title}对应的技能等级。",
        en="No source states a skill level that corresponds to {title}.",
    ),
    # The roster page (calculators/roster/ for its Python's own words; its script's words
    # are listed in calculators/roster/wording.py SCRIPT_WORDING)
    "home-task-roster-who": Text(zh="用人单位人事部门", en="Employers' HR staff"),
    "home-task-roster": Text(
        zh="一次检查整份员工名单（Excel 或 CSV）",
        en="Check a whole staff list at once (Excel or CSV)",
    ),
    "calculator-roster": Text(
        zh="上传员工名单（文件只在浏览器里读取），逐人回答能否申报，可下载结果",
        en="Each person on a staff list answered at once, the file read only in your browser",
    ),
    "roster-page-intro": Text(
        zh="用人单位不必逐人填写表单：把员工名单做成表格，一次检查完。每一行都按“能否申报技能等级”计算器的同一规则回答：现在能否申报、按哪条途径、哪天起可以申报、还缺什么，以及被聘用时对应的职称。",
        en="No need to fill in the form once per person: put the staff list in a spreadsheet "
        "and check it in one go. Each row is answered by the same rules as the eligibility "
        "calculator: whether the person may apply now, by which route, from which day, what "
        "is still missing, and the title a hired holder of the level is treated as.",
    ),
    "roster-page-private": Text(
        zh="文件不会离开您的电脑：它在您的浏览器里读取和检查，不上传，也不发送到任何地方。",
        en="The file never leaves your computer: it is read and checked inside your browser, "
        "not uploaded, and sent nowhere.",
    ),
    "roster-page-step-template": Text(
        zh="下载模板，每位员工填一行（也可以用自己的表格，只要表头含有下面列出的列名）：",
        en="Download the template and fill in one row per person (or use your own "
        "spreadsheet, as long as its header row names the columns listed below):",
    ),
    "roster-page-template-xlsx": Text(zh="Excel 模板（.xlsx）", en="Excel template (.xlsx)"),
    "roster-page-template-csv": Text(zh="CSV 模板", en="CSV template"),
    "roster-page-template-other": Text(zh="英文表头：", en="With Chinese headers:"),
    "roster-page-step-file": Text(
        zh="选择填好的文件（在电脑上也可以把文件拖到下面的框里）",
        en="Choose the filled-in file (on a computer you may also drop it on the box below)",
    ),
    "roster-page-choose": Text(zh="选择文件（.xlsx 或 .csv）", en="Choose a file (.xlsx or .csv)"),
    "roster-page-step-paste": Text(
        zh="或者：在 Excel 或 WPS 中选中表格（连同表头行）复制，粘贴到这里",
        en="Or: select the cells in Excel or WPS (with the header row), copy, and paste them here",
    ),
    "roster-page-paste-check": Text(zh="检查粘贴的表格", en="Check the pasted cells"),
    "roster-page-columns": Text(zh="表格的列", en="The columns"),
    "roster-page-columns-intro": Text(
        zh="表头用中文或英文都可以，顺序不限；只填知道的内容。“取证日期”和“取证后工作年限”、“参加工作日期”和“累计工作年限”填一个即可。不认识的列原样保留在结果里。",
        en="Headers may be in Chinese or English, in any order; fill in what you know. Give "
        "either the certificate date or the years since it, and either the start of work or "
        "the total years. Columns the check does not know are kept as they are in the results.",
    ),
    "roster-page-header-zh": Text(zh="中文表头", en="Chinese header"),
    "roster-page-header-en": Text(zh="英文表头", en="English header"),
    "roster-page-fill": Text(zh="填写什么", en="What to write"),
    "roster-reads-text": Text(zh="文字", en="Text"),
    "roster-reads-choice": Text(
        zh="从下拉列表中选，或写名称（中文、英文均可）",
        en="Pick from the drop-down list, or write the name (Chinese or English)",
    ),
    "roster-reads-date": Text(
        zh="日期，如 2021-06-01、2021/6/1 或 2021年6月",
        en="A date, such as 2021-06-01, 2021/6/1 or 2021-06",
    ),
    "roster-reads-number": Text(zh="数字，如 3 或 3.5", en="A number, such as 3 or 3.5"),
    "roster-reads-yes_no": Text(zh="是 或 否", en="Yes or no"),
    "roster-page-reading": Text(zh="正在读取文件……", en="Reading the file…"),
    "roster-page-progress": Text(
        zh="已检查 {done} / {total} 行", en="{done} of {total} rows checked"
    ),
    "roster-page-file": Text(zh="文件：{name}", en="File: {name}"),
    "roster-page-pasted": Text(zh="粘贴的表格", en="Pasted cells"),
    "roster-page-paste-empty": Text(
        zh="请先把表格粘贴到上面的框里", en="Paste the cells into the box above first"
    ),
    "roster-page-count": Text(zh="共检查 {count} 行", en="{count} rows checked"),
    "roster-page-filter-status": Text(zh="按结果筛选", en="Show by result"),
    "roster-page-filter-level": Text(zh="按申报等级筛选", en="Show by level applied for"),
    "roster-page-all": Text(zh="全部", en="All"),
    "roster-page-shown": Text(
        zh="显示 {shown} 行，共 {total} 行", en="Showing {shown} of {total} rows"
    ),
    "roster-page-more": Text(
        zh="再显示 {count} 行（还有 {left} 行；下载的文件包含全部行）",
        en="Show {count} more rows ({left} left; the downloads hold every row)",
    ),
    "roster-page-row": Text(zh="行号", en="Row"),
    "roster-page-sort": Text(zh="点击列名排序", en="Select a column's name to sort by it"),
    "roster-page-problems": Text(zh="无法检查的行", en="Rows that could not be checked"),
    "roster-page-problems-more": Text(
        zh="还有 {count} 行无法检查：在下表中按“无法检查”筛选，或下载结果查看",
        en="{count} more rows could not be checked: show them in the table below (by result: "
        "cannot check), or in the downloads",
    ),
    "roster-page-problem": Text(
        zh="第 {row} 行，“{column}”列：{message}",
        en="Row {row}, column \u201c{column}\u201d: {message}",
    ),
    "roster-page-downloads": Text(zh="下载检查结果", en="Download the results"),
    "roster-page-download-xlsx": Text(zh="Excel 文件（.xlsx）", en="Excel file (.xlsx)"),
    "roster-page-download-csv": Text(zh="CSV 文件", en="CSV file"),
    "roster-page-none": Text(zh="没有符合条件的行", en="No row matches"),
    "roster-page-failed": Text(
        zh="检查时出错，文件未能检查。请刷新页面后再试。",
        en="Something went wrong and the file was not checked. Reload the page and try again.",
    ),
    # Page titles (each page's first heading; build/hgpolicy/sitepages.py names the key)
    "page-title-home": Text(
        zh="黄石市技能人才评价制度改革", en="Huangshi skilled-worker evaluation reform"
    ),
    "page-title-fulltext": Text(zh="政策全文", en="Full text"),
    "page-title-faq": Text(zh="常见问题", en="Questions people ask"),
    "page-title-levels": Text(zh="技能等级与职称", en="Skill levels and titles"),
    "page-title-application-routes": Text(zh="国家申报条件", en="National application conditions"),
    "page-title-special-routes": Text(zh="特殊通道", en="Special routes"),
    "page-title-evaluation": Text(zh="评价类型与方式", en="Evaluation: types and methods"),
    "page-title-evaluators": Text(
        zh="评价主体、证书与监管", en="Evaluators, certificates and supervision"
    ),
    "page-title-targets": Text(zh="目标", en="Targets"),
    "page-title-calc-equivalence": Text(
        zh="技能等级与职称对应", en="Skill levels and engineering titles"
    ),
    "page-title-calc-eligibility": Text(zh="能否申报技能等级", en="May I apply for a skill level?"),
    "page-title-calc-roster": Text(zh="检查整份员工名单", en="Check a whole staff list"),
    "page-title-topics": Text(zh="主题", en="Topics"),
    "page-title-glossary": Text(zh="术语表", en="Glossary"),
    "page-title-downloads": Text(zh="下载数据", en="Downloads"),
    "page-title-sources": Text(zh="来源文件", en="Sources"),
    "page-title-changes": Text(zh="变更记录", en="Changes"),
    "page-title-about": Text(zh="关于本站", en="About this site"),
    # The eligibility page's early answer, before the runtime has loaded (calculators.js
    # `showEarly`; its verdict uses the headlines above, the same words Python's answer uses).
    "calc-early-provisional": Text(
        zh="初步结果：由本页根据编译好的规则即时得出；计算程序加载后将核对，并给出逐条说明。",
        en="Provisional: worked out at once by this page from the compiled rules; the calculator checks it once it has loaded, and explains it route by route.",
    ),
    # The early answer when the runtime could not start: nothing will check it (calculators.js).
    "calc-early-unconfirmed": Text(
        zh="未经核对：计算程序（Python）未能加载，无法核对此结果。此结果由本页根据编译好的规则表得出，没有逐条说明，仅供参考；请以下方的表格为准。",
        en="Not checked: the calculator (Python) could not be loaded, so this answer could not be checked. This page worked it out from the compiled rules table, without the route-by-route explanation; take it as a guide and check it against the tables below.",
    ),
    "calc-early-not-yet": Text(
        zh="暂不能申报{target}。最接近的是途径{label}。",
        en="You may not apply for {target} yet. The closest route is {label}.",
    ),
    # The runtime's progress while it loads (calculators.js `showArrival`), then ready.
    "calc-runtime-arriving": Text(
        zh="正在下载计算程序：已收到 {loaded} MB，共 {total} MB……表单现在即可填写。",
        en="Downloading the calculator: {loaded} MB of {total} MB… You can fill in the form meanwhile.",
    ),
    "calc-runtime-starting": Text(
        zh="已下载，正在启动 Python……",
        en="Downloaded; starting Python…",
    ),
    # The policy through time (issue 15): the rules of a day, versions, changes to come
    "as-of-before-rules": Text(
        zh="{found}早于本站收录的任何规则（最早的是{documents}，自{first}起）",
        en="{found} is before any rules the site holds (the earliest, {documents}, from {first})",
    ),
    "not-in-force-on": Text(
        zh="{found} 在{day}尚未施行或已经失效（当天可选：{accepted}）",
        en="{found} was not in force on {day} (then accepted: {accepted})",
    ),
    "in-force-rules": Text(zh="适用{day}施行的规则", en="Rules in force on {day}"),
    "in-force-from": Text(zh="自{day}起", en="from {day}"),
    "in-force-until": Text(zh="至{day}", en="until {day}"),
    "in-force-unsure": Text(
        zh="无法确定当天是否已经施行：", en="Whether it applied on that day is not known: "
    ),
    "elsewhen-before": Text(
        zh="按{day}之前施行的规则（{documents}）：",
        en="Under the rules in force before {day} ({documents}): ",
    ),
    "elsewhen-from": Text(
        zh="按自{day}起施行的规则（{documents}）：",
        en="Under the rules in force from {day} ({documents}): ",
    ),
    "elsewhen-heading": Text(zh="换一个日期，答案不同", en="On another date the answer differs"),
    # A part of the other day's answer that differs (asof.py `_differences`): "{what}: {said}"
    # where the part is named apart from its words, and one this day's answer has but not that.
    "elsewhen-part": Text(zh="{what}：{said}", en="{what}: {said}"),
    "elsewhen-not-there": Text(
        zh="按该日期的规则没有这一项：{said}", en="Not in the rules of that day: {said}"
    ),
    "banner-title": Text(zh="本页内容有新版本", en="Parts of this page change"),
    "banner-pending": Text(
        zh="自DAY起将有新版本（尚未施行）", en="changes from DAY (not yet in force)"
    ),
    "banner-later": Text(zh="自DAY起已有新版本", en="has a later version, in force from DAY"),
    "banner-see": Text(zh="查看各版本", en="See the versions"),
    "versions-heading": Text(zh="本条各版本", en="Versions of this part"),
    "version-from": Text(zh="自DAY起", en="from DAY"),
    "version-until": Text(zh="至DAY", en="until DAY"),
    "version-from-until": Text(zh="自FROM起至UNTIL", en="from FROM until UNTIL"),
    "version-pending": Text(zh="尚未施行", en="not yet in force"),
    "version-replaced": Text(zh="本条被替代，此后没有条文", en="replaced: no words from then on"),
    "version-diff": Text(
        zh="NUMBER自DAY起的修改（删去的文字加删除线，新增的文字加下划线）",
        en="What NUMBER changes from DAY (words removed struck through, words added underlined)",
    ),
    "doc-validity": Text(zh="施行日期", en="When it applies"),
    "home-changes": Text(zh="规则的变化", en="Changes to the rules"),
    # The maintainer's guide (maintaining.md): how each kind of change enters the data
    "page-title-maintaining": Text(
        zh="维护指南：政策变化时", en="Maintainer's guide: when the policy changes"
    ),
    "guide-intro": Text(
        zh="本站的一切都由 `policy/` 中的 YAML 文件生成。政策变化时，只改数据，不改代码；旧的规定不被覆盖，而是加上日期保留下来，计算器据此按任一日期作答。变化分三种：更正编码错误（勘误）、国家申报条件的新版本、修改或替代黄石《意见》条文的新文件。",
        en="Everything on this site is generated from the YAML files in `policy/`. When the policy changes, you change data, not code; an old rule is not overwritten but kept with its dates, so the calculators can answer as of any day. There are three kinds of change: a correction of the encoding (an erratum), a new edition of the national application conditions, and a new document that amends or replaces clauses of the Huangshi opinion.",
    ),
    "guide-every-heading": Text(zh="每一种变化都要做的", en="For every change"),
    "guide-every": Text(
        zh="1. 修改 `policy/` 中的文件（见下文各种变化的做法）。\n2. 在 `policy/changelog.yaml` 顶部加一条记录：日期、种类（`correction`、`edition` 或 `amendment`）、改了什么和为什么（中英文）、受影响的记录和页面。\n3. 运行 `make build`（或 `make serve`，保存即重新生成）。数据有误时构建停止，逐条列出“文件:行号: 问题”，原来的网站保持不变。\n4. 若计算结果改变，在同一次提交中修改 `tests/cases/` 中的判定用例，然后运行 `make test`。",
        en="1. Edit the files in `policy/` (see below for each kind of change).\n2. Add an entry at the top of `policy/changelog.yaml`: the date, the kind (`correction`, `edition` or `amendment`), what changed and why in both languages, the records and pages it affects.\n3. Run `make build` (or `make serve`, which rebuilds on save). If the data is wrong the build stops and lists every problem as `file:line: message`; the previous site stays as it was.\n4. Where an answer changes, change the decision cases in `tests/cases/` in the same commit, then run `make test`.",
    ),
    "guide-correction-heading": Text(
        zh="一、更正编码错误（勘误）", en="1. Correcting the encoding (an erratum)"
    ),
    "guide-correction": Text(
        zh="原文从来没有这样说过，是本站的编码错了：直接改正那条记录，不加日期（错误从来不是一条有效的规则）。在变更记录中用 `correction`，“为什么”写明依据的原文。中文条文必须与原文逐字一致：`policy/source/` 中的原文由保真测试逐字比对。",
        en="The text never said it; the encoding was wrong: correct the record in place, with no dates (the mistake was never a rule in force). Use `correction` in the changelog, and say in its why which words of the source show it. The Chinese text must match the source character for character: the fidelity test compares it with `policy/source/`.",
    ),
    "guide-edition-heading": Text(
        zh="二、国家申报条件的新版本", en="2. A new edition of the national conditions"
    ),
    "guide-edition": Text(
        zh="1. 在 `policy/sources.yaml` 中加上新版本所依据的文件：`issued`，以及 `valid_from`（只写来源给出的精度：`2023`、`2023-06` 或 `2023-06-01`，绝不编造日期）和 `validity_note`（说明知道什么、不知道什么）。\n2. 在 `policy/application-routes.yaml` 的 `editions` 中加上新版本（`id`、`name`、`source`、`confidence`），再加上它的各条途径（`edition` 写新版本的 `id`）。\n3. 不要删去旧版本：按旧版本编写的职业标准仍各自有效。只有旧版本整体停止适用时，才给它的来源加上 `valid_until`。\n4. 计算器自 `valid_from` 起提供新版本；更早的日期（`--as-of`）选择它时，会指明当天可选的版本。变更记录用 `edition`。",
        en="1. Add the document the new edition rests on to `policy/sources.yaml`: `issued`, and `valid_from` (only as precise as the sources are: `2023`, `2023-06` or `2023-06-01`, never an invented day) with a `validity_note` saying what is and is not known.\n2. Add the edition to `editions` in `policy/application-routes.yaml` (`id`, `name`, `source`, `confidence`), then its routes (with `edition` set to its `id`).\n3. Do not remove the older edition: occupation standards written to it still govern their occupations. Only when it stops applying as a whole, give its source a `valid_until`.\n4. The calculators offer the edition from its `valid_from`; asked for it on an earlier day (`--as-of`), they say which editions that day had. Use `edition` in the changelog.",
    ),
    "guide-amendment-heading": Text(
        zh="三、修改或替代《意见》条文的新文件",
        en="3. A document that amends or replaces clauses of the opinion",
    ),
    "guide-amendment": Text(
        zh="1. 在 `policy/sources.yaml` 中加上这份文件：文号（`number`、`number_en`）、标题、发文机关（`issuer`）、`issued`、`valid_from`（规则自哪一天起适用；原文没有写日期的，只写能确定的年或月，并在 `validity_note` 中说明）、`confidence`，以及在哪里读到它（`published_in`）。\n2. 它改写的每一条：`amends` 下写 `clause`（条文编号，如 `c14`）、新条文的全文 `text`（中文逐字照录，英文为译文）和新的 `summary`。`document.yaml` 保持发文时的原样。\n3. 它废止或替代的条文：`replaces` 下写 `clause`；替代整份《意见》：写 `document: DOCID`。\n4. 它改变的每一条规则记录：给旧记录加上 `valid_until`，在旁边加上新版本：新的 `id`，`version_of` 写旧记录的 `id`，`valid_from` 与旧记录的 `valid_until` 写同一天（不留空档、不重叠），`source` 仍写所依据的条文。\n5. 变更记录用 `amendment`，`records` 中列出条文和规则记录的 `id`。",
        en="1. Add the document to `policy/sources.yaml`: its number (`number`, `number_en`), title, issuing body (`issuer`), `issued`, `valid_from` (the first day its rules apply; where the text gives no day, only the year or month that is certain, explained in `validity_note`), `confidence`, and where you read it (`published_in`).\n2. For each clause it rewrites: under `amends`, the `clause` (its id, such as `c14`), the clause's whole new `text` (the Chinese verbatim, the English a translation) and a new `summary`. `document.yaml` stays as issued.\n3. For a clause it repeals or replaces: `replaces` with `clause`; for the whole opinion: `document: DOCID`.\n4. For each rule record it changes: give the old record a `valid_until` and add its new version beside it: a new `id`, `version_of` set to the old record's `id`, and a `valid_from` the same day as the old record's `valid_until` (no gap, no overlap); its `source` is still the clause it rests on.\n5. Use `amendment` in the changelog, with the ids of the clause and the rule records in `records`.",
    ),
    "guide-example-intro": Text(
        zh="例如，一份文件自2027年3月1日起把第（十四）条中高级技师比照的职称改为正高级工程师（虚构的例子）：",
        en="For example, a document that from 1 March 2027 treats Senior Technicians under clause (14) like Professor-level Senior Engineers (a made-up example):",
    ),
    "guide-example": Text.same(
        '# policy/sources.yaml\n- id: example-2027-1\n  number: 〔2027〕1号\n  number_en: "[2027] No. 1"\n  title: {zh: …, en: …}\n  issuer: {zh: …, en: …}\n  issued: "2027-01-15"\n  valid_from: "2027-03-01"\n  confidence: seen\n  amends:\n    - clause: c14\n      text: {zh: …, en: …}\n      summary: {zh: …, en: …}\n\n# policy/equivalence.yaml\n- id: c14-senior-technician\n  level: senior-technician\n  title: senior-engineer\n  condition: hired\n  source: c14\n  valid_until: "2027-03-01"\n- id: c14-senior-technician-2027\n  version_of: c14-senior-technician\n  level: senior-technician\n  title: professor-senior-engineer\n  condition: hired\n  source: c14\n  valid_from: "2027-03-01"'
    ),
    "guide-checks-heading": Text(zh="构建检查什么", en="What the build checks"),
    "guide-checks": Text(
        zh="- 每个文件符合 `policy/schema/` 中的结构；每个引用（条文、来源、等级、职称、被修改或替代的文件）都存在。\n- 日期是真实存在的日期，且先后有序：结束日期晚于开始日期；修改或替代另一份文件的文件，在被修改的文件之后才开始适用。\n- 同一条规则的各个版本首尾相接：前一版本的 `valid_until` 就是后一版本的 `valid_from`，没有空档，也没有重叠；同一条文不能在同一天有两种文字。\n- `replaces` 不能形成循环（A 替代 B，B 又替代 A）。\n- 记录的可信度不高于其来源。",
        en="- Every file has the shape its schema in `policy/schema/` describes; every reference (a clause, a source, a level, a title, a document amended or replaced) exists.\n- Dates are real days and in order: an end comes after its start; a document that amends or replaces another starts to apply after it.\n- The versions of one rule follow each other: each `valid_until` is the next version's `valid_from`, with no gap and no overlap; a clause has one text on any day.\n- `replaces` makes no cycle (A replaces B, and B replaces A).\n- No record is marked surer than its source.",
    ),
    "guide-review-heading": Text(
        zh="发布前如何审阅差异", en="Reviewing the difference before publishing"
    ),
    "guide-review": Text(
        zh="1. 运行 `make serve`，打开“政策全文”中被修改的条文：其下的“本条各版本”列出每个版本及其起止日期，并逐字标出改动（删去的文字加删除线，新增的文字加下划线，英文在旁）。除了新文件确实改动的文字以外，其他每个字都应当相同。\n2. 有变化的页面顶部有提示框，首页的状态框也列出这些变化；尚未施行的变化标为“尚未施行”。\n3. 用变化前一天和当天分别运行计算器，例如 `.venv/bin/python -m calculators equivalence --level 高级技师 --as-of 2027-02-28` 和 `--as-of 2027-03-01`：两个日期各按当时的规则作答，并说明换一个日期答案如何不同。\n4. 用 `git diff policy/` 再读一遍数据的改动；“变更记录”页和订阅源中的新条目链接到条文的差异。",
        en="1. Run `make serve` and open the amended clause on the Full text page: under it, \"Versions of this part\" lists each version with its dates and marks the change character by character (words removed struck through, words added underlined, the English beside them). Every character other than those the new document changes should be the same.\n2. Pages with changes carry a banner at the top, and the home page's status box lists the changes; a change not yet in force is marked so.\n3. Run the calculators on the day before and the day of the change, e.g. `.venv/bin/python -m calculators equivalence --level 高级技师 --as-of 2027-02-28` and `--as-of 2027-03-01`: each answers under that day's rules and says how the answer differs on the other side.\n4. Read the data change once more with `git diff policy/`; the new entry on the Changes page and in its feed links the clause's difference.",
    ),
}

# The entries the page script uses itself (calculators.js: the runtime's state, the address, the
# print and copy buttons), given to it as JSON in the page's language. Answers come with
# their words (view.py).
SCRIPT_WORDING = (
    "colon",
    "list-sep",
    "separator",
    "quoted",
    "mark-met",
    "calc-runtime-loading",
    "calc-runtime-ready",
    "calc-runtime-failed",
    "calc-runtime-checksum",
    "calc-waiting-loading",
    "calc-waiting-failed",
    "calc-table-link",
    "calc-ignored",
    "calc-copy-link",
    "calc-copied",
    "calc-print",
    "calc-checked-at",
    "calc-address",
    "calc-inputs",
    # the early answer (calculators.js `showEarly`)
    "or-sep",
    "human-date",
    "headline-eligible",
    "headline-from",
    "calc-early-not-yet",
    "calc-early-provisional",
    "calc-early-unconfirmed",
    # the runtime's progress (calculators.js `showArrival`)
    "calc-runtime-arriving",
    "calc-runtime-starting",
)


def add(entries: Mapping[str, Text]) -> None:
    """Add a calculator module's own entries; a key already in the catalogue is refused, so a
    module cannot reword what others say."""
    taken = sorted(set(entries) & set(WORDING))
    if taken:
        raise ValueError(f"wording already in the catalogue: {', '.join(taken)}")
    WORDING.update(entries)


def catalogue() -> dict[str, dict[str, str]]:
    """Every entry as `{key: {zh, en}}`: how the page templates read it (`label(key)`)."""
    return {key: text.to_dict() for key, text in WORDING.items()}


def in_language(keys: Iterable[str], lang: str) -> dict[str, str]:
    """The entries `keys` in one language: what a page gives its script, as JSON."""
    return {key: WORDING[key].get(lang) for key in keys}
