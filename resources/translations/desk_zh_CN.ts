<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Supervision of administrative enforcement for county justice bureaus.</source>
        <translation>供县级司法局开展行政执法监督工作使用。</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}，PySide6 {pyside}，Python {python}</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>操作系统：</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>For logging in; no spaces</source>
        <translation>用于登录，不能包含空格</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>e.g. 张三</source>
        <translation>例如：张三</translation>
    </message>
    <message>
        <source>The account may log in</source>
        <translation>允许该账号登录</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>At least 10 characters, 3 of: lower case, upper case, digits, symbols</source>
        <translation>至少 10 个字符，含小写字母、大写字母、数字、符号中的 3 类</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>(none: the whole county)</source>
        <translation>（不限：全县）</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>(choose an agency)</source>
        <translation>（请选择执法主体）</translation>
    </message>
</context>
<context>
    <name>AgenciesPage</name>
    <message>
        <source>Agencies</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Search name, short name or credit code (Ctrl+F)</source>
        <translation>搜索名称、简称或统一社会信用代码（Ctrl+F）</translation>
    </message>
    <message>
        <source>Import agencies</source>
        <translation>导入执法主体</translation>
    </message>
    <message>
        <source>Importing agencies</source>
        <translation>正在导入执法主体</translation>
    </message>
    <message>
        <source>Export agencies</source>
        <translation>导出执法主体</translation>
    </message>
    <message>
        <source>Exporting agencies</source>
        <translation>正在导出执法主体</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enforcement field</source>
        <translation>执法领域</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部执法领域</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete agency</source>
        <translation>删除执法主体</translation>
    </message>
    <message>
        <source>Delete the agency {name}? This cannot be undone.</source>
        <translation>确定删除执法主体“{name}”吗？此操作不可撤销。</translation>
    </message>
    <message>
        <source>Deleting {name}</source>
        <translation>正在删除“{name}”</translation>
    </message>
    <message>
        <source>No agency matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的执法主体。</translation>
    </message>
    <message>
        <source>No agencies yet — import an agency workbook or add one.</source>
        <translation>尚无执法主体 — 导入执法主体表或新建。</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Edit agency</source>
        <translation>编辑执法主体</translation>
    </message>
    <message>
        <source>New agency</source>
        <translation>新建执法主体</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Full legal name, e.g. 某某县市场监督管理局</source>
        <translation>法定全称，例如：某某县市场监督管理局</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Optional, unique</source>
        <translation>选填，不可重复</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>18 characters, optional</source>
        <translation>18 位，选填</translation>
    </message>
    <message>
        <source>Enforcement field</source>
        <translation>执法领域</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>AnchorSection</name>
    <message>
        <source>Audit anchors</source>
        <translation>审计锚点</translation>
    </message>
    <message>
        <source>Each day, the first time an administrator or a supervisor opens the window, the head of the audit record is written, signed, to this folder — outside the store, so that a rewritten or emptied record is caught (audit verify --anchors FOLDER). A folder that is not there is tried again at the next start.</source>
        <translation>每天管理员或监督人员第一次打开窗口时，审计记录的链头（签名）写入此文件夹——存放于数据库之外，审计记录被改写或清空即可发现（audit verify --anchors 文件夹）。文件夹不在时，下次启动再试。</translation>
    </message>
    <message>
        <source>No folder: no daily anchor is written</source>
        <translation>未选文件夹：不写每日锚点</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Stop writing</source>
        <translation>不再写入</translation>
    </message>
    <message>
        <source>Read only: only an administrator may choose the folder.</source>
        <translation>只读：仅管理员可选择文件夹。</translation>
    </message>
    <message>
        <source>Saved. The window writes a daily anchor to {folder}.</source>
        <translation>已保存。窗口每天向 {folder} 写入锚点。</translation>
    </message>
    <message>
        <source>Saved. No daily anchor is written any more.</source>
        <translation>已保存。不再写入每日锚点。</translation>
    </message>
    <message>
        <source>Folder of the daily audit anchors</source>
        <translation>每日审计锚点的文件夹</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <source>waiting for vetting</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved, to issue</source>
        <translation>审核通过，待发证</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>不予通过</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已发证</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>申领…</translation>
    </message>
    <message>
        <source>Vet…</source>
        <translation>审核…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发证</translation>
    </message>
    <message>
        <source>Vetting is for supervisors.</source>
        <translation>审核由监督科室负责人进行。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>申领号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申领日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>资格考试</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Vetting</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>No applications yet — Apply… for an officer who passed the exam.</source>
        <translation>尚无申领 — 为已通过资格考试的执法人员点击“申领…”。</translation>
    </message>
    <message>
        <source>Recording the application</source>
        <translation>正在登记申领</translation>
    </message>
    <message>
        <source>Recording the vetting</source>
        <translation>正在登记审核</translation>
    </message>
    <message>
        <source>Issue a certificate</source>
        <translation>发证</translation>
    </message>
    <message>
        <source>Issue {officer} a certificate with the next number, dated {date}?</source>
        <translation>以下一个证号为{officer}发证，发证日期 {date}？</translation>
    </message>
    <message>
        <source>Issuing the certificate</source>
        <translation>正在发证</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Apply for a certificate</source>
        <translation>申领执法证</translation>
    </message>
    <message>
        <source>ID number of the officer</source>
        <translation>执法人员身份证号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Only when no passed exam is on record, e.g. 县司〔2026〕12号</source>
        <translation>系统中无考试通过记录时填写，如 县司〔2026〕12号</translation>
    </message>
    <message>
        <source>Exam document</source>
        <translation>考试文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type the officer's ID number.</source>
        <translation>请输入执法人员的身份证号。</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>申领条件</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>{mark} passed {sitting} on {date} ({score:g} of {points:g})</source>
        <translation>{mark} {date} 通过{sitting}（{score:g} / {points:g} 分）</translation>
    </message>
    <message>
        <source>{mark} exam document {doc}</source>
        <translation>{mark} 考试文号 {doc}</translation>
    </message>
    <message>
        <source>{mark} no passed exam on record: give the exam's document number</source>
        <translation>{mark} 无资格考试通过记录：请填写考试文号</translation>
    </message>
    <message>
        <source>{mark} training hours in {year}: {hours:g} of {gate}</source>
        <translation>{mark} {year} 年培训学时：{hours:g} / {gate}</translation>
    </message>
    <message>
        <source>{mark} holds certificate {number}</source>
        <translation>{mark} 已持有执法证 {number}</translation>
    </message>
    <message>
        <source>{mark} application no. {id} is waiting</source>
        <translation>{mark} 申领 {id} 号尚在办理</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Indicator sets…</source>
        <translation>指标体系…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Indicator set</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>Publish the assessment of {start} to {end} on the set {name} v{version}? A published result is kept as it is now.</source>
        <translation>发布 {start} 至 {end} 按指标体系 {name} v{version} 计算的考核结果？发布后的结果按现状保存，不再改变。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>正在发布</translation>
    </message>
    <message>
        <source>Published (no. {id}).</source>
        <translation>已发布（第 {id} 号）。</translation>
    </message>
    <message>
        <source>Export the assessment</source>
        <translation>导出考核结果</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>正在写入工作簿</translation>
    </message>
</context>
<context>
    <name>AssignRecheckDialog</name>
    <message>
        <source>Assign a recheck reviewer — {case_no}</source>
        <translation>指派复核人 — {case_no}</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>复核申请</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Scored by</source>
        <translation>原评查人</translation>
    </message>
    <message>
        <source>Disputed items</source>
        <translation>争议项</translation>
    </message>
    <message>
        <source>Recheck reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Only reviewers who did not score this file and do not belong to its agency are listed.</source>
        <translation>只列出未评查过该案卷、且不属于该执法主体的评查人员。</translation>
    </message>
    <message>
        <source>Now assigned to {name}; assigning again replaces them.</source>
        <translation>目前已指派给 {name}；重新指派将替换。</translation>
    </message>
    <message>
        <source>whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>No reviewer may recheck this file: add a reviewer account first.</source>
        <translation>没有可复核该案卷的评查人员：请先添加评查人员账号。</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <source>Select a record to see what it changed.</source>
        <translation>选择一条记录以查看其修改内容。</translation>
    </message>
    <message>
        <source>This record carries no field values.</source>
        <translation>该记录不含字段值。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Record hash</source>
        <translation>记录哈希值</translation>
    </message>
    <message>
        <source>Record {id} · {time} · {user} · {action} {entity} {number}</source>
        <translation>第 {id} 条记录 · {time} · {user} · {action}{entity} {number}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Search summary or object number (Ctrl+F)</source>
        <translation>搜索摘要或对象编号（Ctrl+F）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Kind of object</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>No record matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的记录。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>{label} (Delete: any date)</source>
        <translation>{label}（按 Delete 键：不限日期）</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Check that no record was edited, removed or reordered</source>
        <translation>检查审计记录是否被篡改、删除或调换顺序</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Verifying the audit chain</source>
        <translation>正在校验审计记录链</translation>
    </message>
    <message>
        <source>✓ Chain intact: {count} records</source>
        <translation>✓ 审计记录链完整：共 {count} 条</translation>
    </message>
    <message>
        <source>✗ Record {id} is broken: {reason}</source>
        <translation>✗ 第 {id} 条记录校验失败：{reason}</translation>
    </message>
</context>
<context>
    <name>AuditTitles</name>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Stage date corrected</source>
        <translation>更正环节日期</translation>
    </message>
    <message>
        <source>Stage withdrawn</source>
        <translation>撤回环节</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enforcement field</source>
        <translation>执法领域</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Agency (number)</source>
        <translation>执法主体（编号）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Enforcement category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>Enforcement region</source>
        <translation>执法区域</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>执法证</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Certificate issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Certificate valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Certificate status</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>BandsPanel</name>
    <message>
        <source>Choose a power to see its discretion bands.</source>
        <translation>选择一个执法事项，查看其裁量档次。</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>裁量档次</translation>
    </message>
    <message>
        <source>Penalty kinds</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>Fine (yuan)</source>
        <translation>罚款（元）</translation>
    </message>
    <message>
        <source>Circumstances</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <source>{category} · {agency} · {start} – {until}
{basis}</source>
        <translation>{category} · {agency} · {start} – {until}
{basis}</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <source>Question bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Search stem or category (Ctrl+F)</source>
        <translation>搜索题干或分类（Ctrl+F）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部题型</translation>
    </message>
    <message>
        <source>All difficulties</source>
        <translation>全部难度</translation>
    </message>
    <message>
        <source>To review only</source>
        <translation>只看待复核</translation>
    </message>
    <message>
        <source>Questions nearly everyone or nearly no one answers right, or that the better candidates do worse on, over all graded papers</source>
        <translation>按所有已评分试卷统计：几乎人人答对或几乎无人答对的题，或成绩好的考生反而答错较多的题</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>导入试题</translation>
    </message>
    <message>
        <source>Importing questions</source>
        <translation>正在导入试题</translation>
    </message>
    <message>
        <source>Export questions</source>
        <translation>导出试题</translation>
    </message>
    <message>
        <source>Exporting questions</source>
        <translation>正在导出试题</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>组卷次数</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>negative discrimination</source>
        <translation>负区分度</translation>
    </message>
    <message>
        <source>too easy</source>
        <translation>过易</translation>
    </message>
    <message>
        <source>too hard</source>
        <translation>过难</translation>
    </message>
    <message>
        <source>Retire question</source>
        <translation>停用试题</translation>
    </message>
    <message>
        <source>Retire question {id}? New papers will not use it; papers that hold it keep it.</source>
        <translation>停用试题 {id} 吗？新试卷将不再抽取该题；已含该题的试卷保持不变。</translation>
    </message>
    <message>
        <source>Retiring question {id}</source>
        <translation>正在停用试题 {id}</translation>
    </message>
    <message>
        <source>No question matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的试题。</translation>
    </message>
    <message>
        <source>No questions yet — import a question bank workbook or add one.</source>
        <translation>尚无试题 — 导入题库表或新建试题。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Save as PNG</source>
        <translation>另存为 PNG</translation>
    </message>
</context>
<context>
    <name>BlueprintPage</name>
    <message>
        <source>Exam blueprints</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Read the bank again</source>
        <translation>重新读取题库</translation>
    </message>
    <message>
        <source>The name printed on every paper</source>
        <translation>印在每份试卷上的考试名称</translation>
    </message>
    <message>
        <source>Exam name</source>
        <translation>考试名称</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Shuffle questions</source>
        <translation>打乱题序</translation>
    </message>
    <message>
        <source>Shuffle options</source>
        <translation>打乱选项</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格分</translation>
    </message>
    <message>
        <source>At most shared by two papers</source>
        <translation>两卷最多相同题数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Points each</source>
        <translation>每题分值</translation>
    </message>
    <message>
        <source>Categories (empty: all)</source>
        <translation>分类（空：全部）</translation>
    </message>
    <message>
        <source>多选 partial credit</source>
        <translation>多选部分得分比例</translation>
    </message>
    <message>
        <source>In the bank</source>
        <translation>题库可用</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除部分</translation>
    </message>
    <message>
        <source>Bank categories: {list}</source>
        <translation>题库分类：{list}</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>{questions} questions, {points} points in all</source>
        <translation>共 {questions} 题，满分 {points} 分</translation>
    </message>
    <message>
        <source>Reading the bank…</source>
        <translation>正在读取题库…</translation>
    </message>
    <message>
        <source>The bank can fill this blueprint.</source>
        <translation>题库可以满足该组卷方案。</translation>
    </message>
    <message>
        <source>{short} short — </source>
        <translation>缺 {short} 题 — </translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Blueprints (*.json)</source>
        <translation>组卷方案 (*.json)</translation>
    </message>
    <message>
        <source>blueprint</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Export blueprint</source>
        <translation>导出组卷方案</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <source>Work calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Deadlines count working days with the national schedule, its holidays and its adjusted working weekends. Other years count weekends only: when the State Council announces a new year's schedule, or a local day differs, add it below.</source>
        <translation>期限按国家节假日安排（含调休上班日）计算工作日；其他年份只按周末计算。国务院公布新一年的安排后，或本地有个别日期不同，请在下表添加。</translation>
    </message>
    <message>
        <source>No local overrides: every day follows the national schedule.</source>
        <translation>尚无本地调整：所有日期均按国家安排计算。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>计为</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import the holiday notice…</source>
        <translation>导入放假通知…</translation>
    </message>
    <message>
        <source>Paste the State Council's notice of a year: its days off and worked weekends, shown to confirm</source>
        <translation>粘贴国务院办公厅当年的放假通知：先显示放假日和调休上班日，确认后保存</translation>
    </message>
    <message>
        <source>Read only: your role may not change these settings.</source>
        <translation>只读：您的角色无权修改这些设置。</translation>
    </message>
    <message>
        <source>National holiday schedule: {years}.</source>
        <translation>国家节假日安排：{years} 年。</translation>
    </message>
    <message>
        <source>No national holiday schedule is installed.</source>
        <translation>未安装国家节假日安排。</translation>
    </message>
    <message>
        <source>The {year} holiday schedule is not loaded: deadlines in {year} count weekends only until its holidays are added here.</source>
        <translation>{year} 年节假日安排未载入：在此添加该年节假日之前，{year} 年的期限只按周末计算。</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Remove local override</source>
        <translation>删除本地调整</translation>
    </message>
    <message>
        <source>Remove the local override of {day}? The day then counts as the national schedule says.</source>
        <translation>删除 {day} 的本地调整？该日将恢复按国家安排计算。</translation>
    </message>
    <message>
        <source>Removing the override</source>
        <translation>正在删除本地调整</translation>
    </message>
    <message>
        <source>{day} now counts as a working day.</source>
        <translation>{day} 现计为工作日。</translation>
    </message>
    <message>
        <source>{day} now counts as a rest day.</source>
        <translation>{day} 现计为休息日。</translation>
    </message>
    <message>
        <source>The {year} holidays are stored: {rest} days off, {work} weekend days worked.</source>
        <translation>{year} 年节假日安排已保存：放假 {rest} 天，调休上班 {work} 天。</translation>
    </message>
    <message>
        <source>{day} follows the national schedule again.</source>
        <translation>{day} 已恢复按国家安排计算。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New review campaign</source>
        <translation>新建评查活动</translation>
    </message>
    <message>
        <source>Reading the agencies, standards and reviewers…</source>
        <translation>正在读取执法主体、评查标准和评查人员…</translation>
    </message>
    <message>
        <source>The agencies, standards and reviewers could not be read.</source>
        <translation>未能读取执法主体、评查标准和评查人员。</translation>
    </message>
    <message>
        <source>{year} case-file review</source>
        <translation>{year}年度案卷评查</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The seed is stored with the draw: with it anyone can repeat the draw and check that it gives the same files.</source>
        <translation>随机种子与抽取结果一并保存：任何人都可以用它重新抽取，核对是否得到相同的案卷。</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Categories and standards</source>
        <translation>案件类别与评查标准</translation>
    </message>
    <message>
        <source>No agency on the register yet.</source>
        <translation>尚无执法主体。</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Files to draw</source>
        <translation>抽取数量</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不排除</translation>
    </message>
    <message>
        <source>last </source>
        <translation>最近 </translation>
    </message>
    <message>
        <source> campaigns</source>
        <translation> 次活动</translation>
    </message>
    <message>
        <source>Leave out files of</source>
        <translation>排除已抽案卷</translation>
    </message>
    <message>
        <source>Only files with an electronic dossier</source>
        <translation>只抽取有电子卷宗的案卷</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查人员</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Recheck window</source>
        <translation>复核申请期限</translation>
    </message>
    <message>
        <source>After its feedback, an agency may ask for a recheck of named deductions within this many working days.</source>
        <translation>收到反馈后，执法主体可在此期限内对具体扣分项申请复核。</translation>
    </message>
    <message>
        <source>Back to the settings</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Preview the draw</source>
        <translation>预览抽取</translation>
    </message>
    <message>
        <source>Confirm the draw</source>
        <translation>确认抽取</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>To draw, complete: {fields}</source>
        <translation>抽取前还需填写：{fields}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Close to an existing campaign: {names}. Check that this is not the same campaign twice.</source>
        <translation>与已有评查活动名称相近：{names}。请确认不是重复建立同一活动。</translation>
    </message>
    <message>
        <source>None ticked: all {total} agencies.</source>
        <translation>未勾选：全部 {total} 个执法主体。</translation>
    </message>
    <message>
        <source>{chosen} of {total} agencies.</source>
        <translation>已选 {chosen} / {total} 个执法主体。</translation>
    </message>
    <message>
        <source>Computing the draw</source>
        <translation>正在计算抽取结果</translation>
    </message>
    <message>
        <source>Preview of the draw</source>
        <translation>抽取预览</translation>
    </message>
    <message>
        <source>Drawing files (step {done} of {total})</source>
        <translation>正在抽取案卷（第 {done} / {total} 步）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Files drawn</source>
        <translation>抽取结果</translation>
    </message>
</context>
<context>
    <name>CampaignTitles</name>
    <message>
        <source>Scoring</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已通报</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Under recheck</source>
        <translation>复核中</translation>
    </message>
    <message>
        <source>Rechecked</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>{count} per agency or {percent}%, whichever is more</source>
        <translation>每单位 {count} 件或 {percent}%，取多者</translation>
    </message>
    <message>
        <source>{percent}% per agency</source>
        <translation>每单位 {percent}%</translation>
    </message>
    <message>
        <source>{count} per agency</source>
        <translation>每单位 {count} 件</translation>
    </message>
    <message>
        <source>Single scoring</source>
        <translation>单人评分</translation>
    </message>
    <message>
        <source>Double scoring, weighted {first}% / {second}%</source>
        <translation>双人评分，权重 {first}% / {second}%</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Review campaigns</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Search campaign names (Ctrl+F)</source>
        <translation>搜索活动名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Feedback and announcement</source>
        <translation>反馈与通报</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Drawn by</source>
        <translation>抽取人</translation>
    </message>
    <message>
        <source>Drawn at</source>
        <translation>抽取时间</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建评查活动</translation>
    </message>
    <message>
        <source>Verify the draw</source>
        <translation>验证抽取</translation>
    </message>
    <message>
        <source>Repeat the selected campaign's draw from its seed and say whether it gives the same files</source>
        <translation>用所选活动的随机种子重新抽取，核对是否得到相同的案卷</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Void the selected campaign, with a reason (only before any score is saved)</source>
        <translation>作废所选评查活动并说明理由（仅限尚未保存任何评分时）</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Void the campaign</source>
        <translation>作废评查活动</translation>
    </message>
    <message>
        <source>{name} is already voided.</source>
        <translation>{name} 已作废。</translation>
    </message>
    <message>
        <source>{name} is announced: its grades are fixed.</source>
        <translation>{name} 已通报，等次已确定。</translation>
    </message>
    <message>
        <source>{name} results {day}.xlsx</source>
        <translation>{name} 评查结果 {day}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported the results of {count} files to {path}.</source>
        <translation>已将 {count} 件案卷的评查结果导出到 {path}。</translation>
    </message>
    <message>
        <source>Exporting the results</source>
        <translation>正在导出评查结果</translation>
    </message>
    <message>
        <source>Repeating the draw</source>
        <translation>正在重新抽取</translation>
    </message>
    <message>
        <source>The draw repeats: ranked again from seed {seed}, the {size} files of the stored population give exactly the files drawn.</source>
        <translation>抽取结果一致：用随机种子 {seed} 对保存的 {size} 件符合条件案卷重新排序，得到的正是已抽取的案卷。</translation>
    </message>
    <message>
        <source>The draw does not repeat: ranked again from seed {seed}, the stored population gives {missing} files that were not drawn and leaves out {extra} that were ({examples}).</source>
        <translation>抽取结果不一致：用随机种子 {seed} 对保存的符合条件案卷重新排序，多出 {missing} 件未抽取的案卷，缺少 {extra} 件已抽取的案卷（{examples}）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The register still gives the same population (fingerprint {sha}).</source>
        <translation>案件登记中符合条件的案卷与抽取时相同（指纹 {sha}）。</translation>
    </message>
    <message>
        <source>The register has changed since the draw: {added} eligible files added and {removed} removed (e.g. {examples}). The check above uses the population stored with the draw.</source>
        <translation>抽取后案件登记有变化：符合条件的案卷增加 {added} 件、减少 {removed} 件（如 {examples}）。以上核对使用的是抽取时保存的案卷范围。</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>正在读取评查活动</translation>
    </message>
    <message>
        <source>No campaign matches the search.</source>
        <translation>没有与搜索条件相符的评查活动。</translation>
    </message>
    <message>
        <source>No review campaigns yet — set one up with New campaign (Ctrl+N)</source>
        <translation>尚无评查活动 — 点击“新建评查活动”（Ctrl+N）设置并抽取案卷</translation>
    </message>
    <message>
        <source>No campaign you take part in yet.</source>
        <translation>尚无您参与的评查活动。</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>Select a case to see its stages, officers, documents and warnings.</source>
        <translation>选择一个案件，查看其办案环节、承办人员、案卷文书和预警。</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>承办人员</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>案卷文书</translation>
    </message>
    <message>
        <source>Body-camera footage</source>
        <translation>执法记录仪音像</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Major decision</source>
        <translation>重大执法决定</translation>
    </message>
    <message>
        <source>A major enforcement decision: it needs a legal review before the decision</source>
        <translation>重大执法决定：作出决定前须经法制审核</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>编辑案件…</translation>
    </message>
    <message>
        <source>Correct the case's own fields, with a reason (F2)</source>
        <translation>更正案件本身的信息，须说明理由（F2）</translation>
    </message>
    <message>
        <source>Only a supervisor or a clerk of the case's agency may correct the register.</source>
        <translation>只有监督人员或本案执法主体的录入员可以更正登记信息。</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Coercive measures</source>
        <translation>强制措施</translation>
    </message>
    <message>
        <source>Penalty kinds</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>罚没金额（元）</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Inspected target</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Stages and deadlines</source>
        <translation>办案环节与期限</translation>
    </message>
    <message>
        <source>Record stage…</source>
        <translation>记录环节…</translation>
    </message>
    <message>
        <source>Suspend the time limit…</source>
        <translation>中止计算期间…</translation>
    </message>
    <message>
        <source>Record a 检测, 鉴定, 听证 or 公告 period that does not count towards the deadlines</source>
        <translation>记录不计入期限的检测、鉴定、听证或公告期间</translation>
    </message>
    <message>
        <source>Extend the time limit…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <source>Record an approved extension of the decision or seizure time limit</source>
        <translation>记录经批准延长的办案期限或查封、扣押、冻结期限</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}</source>
        <translation>最后由 {who} 于 {when} 修改</translation>
    </message>
    <message>
        <source>The {years} holiday schedule is not loaded — deadlines in that year count weekends only.</source>
        <translation>{years} 年节假日安排未载入 — 该年期限按周末计算</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>已延长</translation>
    </message>
    <message>
        <source>{code} — not in force on the filing date</source>
        <translation>{code} — 立案日期时不在有效期内</translation>
    </message>
    <message>
        <source>, fine {low}–{high} yuan</source>
        <translation>，罚款 {low}–{high} 元</translation>
    </message>
    <message>
        <source>{kind}: from {start}, still running</source>
        <translation>{kind}：{start} 起，尚未结束</translation>
    </message>
    <message>
        <source>{kind}: {start} to {end}</source>
        <translation>{kind}：{start} 至 {end}</translation>
    </message>
    <message>
        <source>{period} ({note})</source>
        <translation>{period}（{note}）</translation>
    </message>
    <message>
        <source>Time not counted</source>
        <translation>不计入期限</translation>
    </message>
    <message>
        <source>decision limit +{days} days</source>
        <translation>办案期限 +{days} 日</translation>
    </message>
    <message>
        <source>{measures} limit extended</source>
        <translation>{measures}期限已延长</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>已批准延长</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>结束…</translation>
    </message>
    <message>
        <source>Record the last day of the {kind} period</source>
        <translation>记录{kind}期间的结束日期</translation>
    </message>
    <message>
        <source>No officer is recorded on this case.</source>
        <translation>本案未登记承办人员。</translation>
    </message>
    <message>
        <source>Certificates on the filing date {date}</source>
        <translation>立案日期 {date} 时的执法证状态</translation>
    </message>
    <message>
        <source>No documents are attached to this case.</source>
        <translation>本案尚无案卷文书。</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} 页</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The file is not there: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>No body-camera footage is linked to this case.</source>
        <translation>本案尚未关联执法记录仪音像。</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>Handled by {who} at {when}: {note}</source>
        <translation>已由 {who} 于 {when} 处置：{note}</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Open document</source>
        <translation>打开文书</translation>
    </message>
    <message>
        <source>The file is not there: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>No program on this computer opens {path}.</source>
        <translation>本机没有可以打开 {path} 的程序。</translation>
    </message>
</context>
<context>
    <name>CaseEditors</name>
    <message>
        <source>{case_no} has no decision or seizure time limit that a period could suspend.</source>
        <translation>{case_no} 没有可中止计算的办案期限或查封、扣押、冻结期限。</translation>
    </message>
    <message>
        <source>Suspend the time limit</source>
        <translation>中止计算期间</translation>
    </message>
    <message>
        <source>No period not counted is running on {case_no}.</source>
        <translation>{case_no} 没有尚未结束的中止计算期间。</translation>
    </message>
    <message>
        <source>End a suspension</source>
        <translation>结束中止计算</translation>
    </message>
    <message>
        <source>{case_no} has no time limit to extend: only the decision limit of a 普通程序 行政处罚 case, or a 查封, 扣押 or 冻结 not extended yet.</source>
        <translation>{case_no} 没有可延长的期限：只有普通程序行政处罚案件的办案期限，或尚未延长的查封、扣押、冻结期限可以延长。</translation>
    </message>
    <message>
        <source>Extend the time limit</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>{stage} is no longer recorded on {case_no}.</source>
        <translation>{case_no} 已无{stage}记录。</translation>
    </message>
    <message>
        <source>Correct a stage</source>
        <translation>更正环节</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>To save, complete: {fields}</source>
        <translation>保存前还需填写：{fields}</translation>
    </message>
</context>
<context>
    <name>CaseTitles</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not yet issued</source>
        <translation>尚未发证</translation>
    </message>
    <message>
        <source>Replaced by a new number</source>
        <translation>已换发或补发</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Red warning</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <source>Yellow warning</source>
        <translation>黄色预警</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Case supervision</source>
        <translation>案件监督</translation>
    </message>
    <message>
        <source>Search case number, party or cause (Ctrl+F)</source>
        <translation>搜索案号、当事人或案由（Ctrl+F）</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>Importing cases</source>
        <translation>正在导入案件</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Exporting cases</source>
        <translation>正在导出案件</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件登记表</translation>
    </message>
    <message>
        <source>Export penalty publicity</source>
        <translation>导出双公示（行政处罚）</translation>
    </message>
    <message>
        <source>Exporting penalty decisions for publicity</source>
        <translation>正在导出双公示行政处罚信息</translation>
    </message>
    <message>
        <source>Penalty publicity</source>
        <translation>双公示行政处罚</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>承办人数</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Category and procedure</source>
        <translation>案件类别与程序</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Filed on or after this date (Delete: any date)</source>
        <translation>立案日期不早于此日（按 Delete 键：不限）</translation>
    </message>
    <message>
        <source>Filed on or before this date (Delete: any date)</source>
        <translation>立案日期不晚于此日（按 Delete 键：不限）</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>仅看预警</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Record stage</source>
        <translation>记录环节</translation>
    </message>
    <message>
        <source>Record a step of the selected case</source>
        <translation>为选中的案件记录办案环节</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export publicity</source>
        <translation>导出双公示</translation>
    </message>
    <message>
        <source>Export the decided penalty cases shown, in the publicity (双公示) layout</source>
        <translation>按双公示格式导出当前列表中已作出决定的行政处罚案件</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>编辑案件…</translation>
    </message>
    <message>
        <source>Record stage…</source>
        <translation>记录环节…</translation>
    </message>
    <message>
        <source>Suspend the time limit…</source>
        <translation>中止计算期间…</translation>
    </message>
    <message>
        <source>End a suspension…</source>
        <translation>结束中止计算…</translation>
    </message>
    <message>
        <source>Extend the time limit…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <source>Only cases with an open warning as of {date}</source>
        <translation>只显示截至 {date} 有未处置预警的案件</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Reading the case</source>
        <translation>正在读取案件</translation>
    </message>
    <message>
        <source>No case matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的案件。</translation>
    </message>
    <message>
        <source>No cases yet — import a case register or add a case</source>
        <translation>尚无案件 — 导入案件登记表或新建案件</translation>
    </message>
    <message>
        <source>No cases on the register yet.</source>
        <translation>案件登记表中尚无案件。</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Search code or name (Ctrl+F)</source>
        <translation>搜索事项编码或名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>裁量档次</translation>
    </message>
    <message>
        <source>Import powers</source>
        <translation>导入执法事项</translation>
    </message>
    <message>
        <source>Importing powers</source>
        <translation>正在导入执法事项</translation>
    </message>
    <message>
        <source>Export powers</source>
        <translation>导出执法事项</translation>
    </message>
    <message>
        <source>Exporting powers</source>
        <translation>正在导出执法事项</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No power matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的执法事项。</translation>
    </message>
    <message>
        <source>No powers yet — import the catalogue of powers (执法事项, FORMATS.md §10).</source>
        <translation>尚无执法事项——请导入执法事项目录（执法事项导入表）。</translation>
    </message>
</context>
<context>
    <name>CategoryChoices</name>
    <message>
        <source>No standard applies — import one first</source>
        <translation>无适用的评查标准 — 请先导入评查标准</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Certificates</source>
        <translation>执法证</translation>
    </message>
    <message>
        <source>Search name or number</source>
        <translation>搜索姓名或证号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>申领…</translation>
    </message>
    <message>
        <source>Apply for an officer who passed the exam; vetting and issue are on the Applications tab.</source>
        <translation>为已通过资格考试的执法人员申领；审核和发证在“申领”页签办理。</translation>
    </message>
    <message>
        <source>Print cards…</source>
        <translation>打印证件…</translation>
    </message>
    <message>
        <source>The selected certificates' cards on A4 sheets (2 × 5, crop marks, duplex)</source>
        <translation>所选执法证的证卡排版在A4纸上（每页2×5张，带裁切线，双面打印）</translation>
    </message>
    <message>
        <source>Import photos…</source>
        <translation>导入照片…</translation>
    </message>
    <message>
        <source>A folder of .jpg or .png files named by 身份证号</source>
        <translation>以身份证号命名的 .jpg 或 .png 照片所在的文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次年审</translation>
    </message>
    <message>
        <source>No certificates match. Officers' certificates are entered on the Officers tab or imported.</source>
        <translation>没有符合条件的执法证。执法证在“执法人员”页录入或导入。</translation>
    </message>
    <message>
        <source>Expiring by {date}</source>
        <translation>{date} 前到期</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>Print cards</source>
        <translation>打印证件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>{n} cards on {pages} pages: {path}. Print on both sides (flip on the long edge), then cut along the marks.</source>
        <translation>共 {n} 张证卡、{pages} 页：{path}。请双面打印（长边翻转），再沿裁切线裁开。</translation>
    </message>
    <message>
        <source>Writing the cards</source>
        <translation>正在生成证卡</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <source>Photos stored: {imported}, unchanged: {skipped}.</source>
        <translation>已保存照片 {imported} 张，未变化 {skipped} 张。</translation>
    </message>
    <message>
        <source>No officer has these ID numbers: {names}</source>
        <translation>以下文件名没有对应的执法人员：{names}</translation>
    </message>
    <message>
        <source>Importing photos</source>
        <translation>正在导入照片</translation>
    </message>
    <message>
        <source>Recording the application</source>
        <translation>正在登记申领</translation>
    </message>
    <message>
        <source>Recording the event</source>
        <translation>正在登记证件事项</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>required.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>does not match the new password.</source>
        <translation>与新密码不一致。</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>正在修改密码</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one next time you log in.</source>
        <translation>密码已修改，下次登录时请使用新密码。</translation>
    </message>
    <message>
        <source>Current password: it is not right.</source>
        <translation>当前密码：输入不正确。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Local SQLite file on this workstation</source>
        <translation>本地 SQLite 数据库（本机文件）</translation>
    </message>
    <message>
        <source>Central PostgreSQL server of the county</source>
        <translation>本县中心 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>Default: {path}</source>
        <translation>默认：{path}</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Leave it empty to use the default file in the user data folder.</source>
        <translation>留空则使用用户数据文件夹中的默认文件。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, never in a file.</source>
        <translation>密码保存在系统凭据管理器中，不会写入文件。</translation>
    </message>
    <message>
        <source>The system keyring is not available on this workstation: the password cannot be remembered and will be asked for at each start.</source>
        <translation>本机系统凭据管理器不可用：无法记住密码，每次启动时将询问密码。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>{field}: required.</source>
        <translation>{field}：不能为空。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Saved in the system keyring; type to replace it</source>
        <translation>已保存在系统凭据管理器中，输入新密码可替换</translation>
    </message>
    <message>
        <source>Choose the store file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>SQLite store ({patterns});;All files (*)</source>
        <translation>SQLite 数据库 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>The test failed because of an error in the program.</source>
        <translation>程序内部出错，测试未能完成。</translation>
    </message>
    <message>
        <source>Connected: {server}; schema {revision} (newest); took {ms} ms</source>
        <translation>已连接：{server}；数据结构版本 {revision}（最新）；耗时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>Connected: {server}; schema {revision} will be updated to {head} when the program opens it; took {ms} ms</source>
        <translation>已连接：{server}；程序打开时将把数据结构版本由 {revision} 升级为 {head}；耗时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>Connected: {server}; the store is empty — it will be set up when the program opens it; took {ms} ms</source>
        <translation>已连接：{server}；数据库为空，程序打开时将自动初始化；耗时 {ms} 毫秒</translation>
    </message>
    <message>
        <source>Connected: {server}, but the store was written by a newer version of the program (schema {revision}) — this version cannot open it.</source>
        <translation>已连接：{server}，但该数据库由更新版本的程序创建（数据结构 {revision}），当前版本无法打开。</translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message>
        <source>More than {count}</source>
        <translation>超过 {count} 条</translation>
    </message>
    <message>
        <source>Total {count}</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Record a course</source>
        <translation>登记培训课程</translation>
    </message>
    <message>
        <source>e.g. 行政处罚法专题培训</source>
        <translation>例如：行政处罚法专题培训</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>课程类别</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Search name or agency</source>
        <translation>搜索姓名或单位</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Officers who attended</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <source>{n} officers ticked</source>
        <translation>已选 {n} 人</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>The program ran into an error.</source>
        <translation>程序运行出错。</translation>
    </message>
    <message>
        <source>Please copy the details and send them to whoever maintains the program, with what you were doing when it happened.</source>
        <translation>请复制详细信息发送给程序维护人员，并说明出错时正在进行的操作。</translation>
    </message>
    <message>
        <source>The log is in {path}.</source>
        <translation>日志文件位于 {path}。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
</context>
<context>
    <name>DailyWork</name>
    <message>
        <source>Today's audit anchor was written to {folder}.</source>
        <translation>今日审计锚点已写入 {folder}。</translation>
    </message>
    <message>
        <source>Today's audit anchor was not written: {reason}. It is tried again at the next start.</source>
        <translation>今日审计锚点未写入：{reason}。下次启动时再试。</translation>
    </message>
    <message>
        <source>Writing today's audit anchor</source>
        <translation>正在写入今日审计锚点</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export all numbers…</source>
        <translation>导出全部数据…</translation>
    </message>
    <message>
        <source>Annual statistics…</source>
        <translation>统计年报…</translation>
    </message>
    <message>
        <source>Cases by month and category</source>
        <translation>各月案件（按类别）</translation>
    </message>
    <message>
        <source>Open warnings by agency and code</source>
        <translation>未处置预警（按单位、类型）</translation>
    </message>
    <message>
        <source>Decisions overdue by month</source>
        <translation>办案超期趋势（按到期月份）</translation>
    </message>
    <message>
        <source>Latest campaign: grades per agency</source>
        <translation>最近一次评查：各单位等次</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>执法考核</translation>
    </message>
    <message>
        <source>Published results</source>
        <translation>已发布结果</translation>
    </message>
    <message>
        <source>Not available yet (their data is not kept yet): {names}</source>
        <translation>暂不可用（尚未保存其数据）：{names}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>驾驶舱</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Cases and warnings</source>
        <translation>案件与预警</translation>
    </message>
    <message>
        <source>Officers, exams and footage</source>
        <translation>人员、考试与音像</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>{start} to {end}, {agency}</source>
        <translation>{start} 至 {end}，{agency}</translation>
    </message>
    <message>
        <source>all agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <source>No open warnings</source>
        <translation>无未处置预警</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>No campaign yet</source>
        <translation>尚无评查活动</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Annual statistics</source>
        <translation>统计年报</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>正在写入工作簿</translation>
    </message>
    <message>
        <source>Export all numbers</source>
        <translation>导出全部数据</translation>
    </message>
</context>
<context>
    <name>DecideRecheckDialog</name>
    <message>
        <source>Recheck — {case_no}</source>
        <translation>复核 — {case_no}</translation>
    </message>
    <message>
        <source>Submit recheck ruling</source>
        <translation>提交复核结论</translation>
    </message>
    <message>
        <source>Recheck request</source>
        <translation>复核申请</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>by {who} at {when}</source>
        <translation>{who} 于 {when}</translation>
    </message>
    <message>
        <source>Score now</source>
        <translation>现得分</translation>
    </message>
    <message>
        <source>{score} ({grade})</source>
        <translation>{score}（{grade}）</translation>
    </message>
    <message>
        <source>Disputed items</source>
        <translation>争议项</translation>
    </message>
    <message>
        <source>Submit the recheck ruling on {case_no}: {upheld} upheld, {changed} changed, {withdrawn} withdrawn? It cannot be changed afterwards.</source>
        <translation>提交 {case_no} 的复核结论：维持 {upheld} 项，变更 {changed} 项，撤销 {withdrawn} 项？提交后不能修改。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve deletion list {id}</source>
        <translation>批准删除清单 {id}</translation>
    </message>
    <message>
        <source>Reject deletion list {id}</source>
        <translation>退回删除清单 {id}</translation>
    </message>
    <message>
        <source>Approve and delete</source>
        <translation>批准并删除</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Why the files are to be kept</source>
        <translation>保留这些文件的理由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>{files} file(s) proposed by {user}: {reason}. Approving deletes their bytes from the evidence folder; files linked to a case since are kept.</source>
        <translation>{user} 提请删除 {files} 个文件：{reason}。批准后将从证据文件夹删除其内容；其间已关联案件的文件予以保留。</translation>
    </message>
    <message>
        <source>{files} file(s) proposed by {user}: {reason}.</source>
        <translation>{user} 提请删除 {files} 个文件：{reason}。</translation>
    </message>
    <message>
        <source>Say why the list is rejected.</source>
        <translation>请说明退回理由。</translation>
    </message>
</context>
<context>
    <name>DeductionActions</name>
    <message>
        <source>Withdraw deduction</source>
        <translation>撤销扣分</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销扣分</translation>
    </message>
    <message>
        <source>Withdraw {code}?</source>
        <translation>撤销 {code} 的扣分？</translation>
    </message>
    <message>
        <source>Its note is deleted.</source>
        <translation>其扣分说明将被删除。</translation>
    </message>
    <message>
        <source>Its {marks} marks stay on the pages, linked to nothing.</source>
        <translation>其 {marks} 处标注仍留在页面上，但不再关联扣分项。</translation>
    </message>
    <message>
        <source>This score sheet is read-only.</source>
        <translation>本评分表为只读。</translation>
    </message>
    <message>
        <source>First choose an item of the standard (↑ ↓).</source>
        <translation>请先选择一个评查项（↑ ↓）。</translation>
    </message>
    <message>
        <source>{item} has {count} deductions only.</source>
        <translation>{item} 只有 {count} 个扣分项。</translation>
    </message>
    <message>
        <source>{code} is deducted already (Space withdraws it).</source>
        <translation>{code} 已扣分（按空格撤销）。</translation>
    </message>
    <message>
        <source>+ and − change the occurrences of a deduction, or the points of a range.</source>
        <translation>+ 和 − 用于增减按处扣分项的处数，或区间扣分项的分值。</translation>
    </message>
    <message>
        <source>The file fails whatever its points.</source>
        <translation>无论得分多少，该案卷均评为不合格。</translation>
    </message>
    <message>
        <source>The file cannot be graded in the top band.</source>
        <translation>该案卷不能评为最高等次。</translation>
    </message>
    <message>
        <source>Apply the veto {code} {text}?</source>
        <translation>确定适用否决项 {code} {text}？</translation>
    </message>
    <message>
        <source>Apply veto</source>
        <translation>适用否决项</translation>
    </message>
</context>
<context>
    <name>DeskTableView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Sheet {sheet} row {row} [{column}]: {message}</source>
        <translation>工作表“{sheet}”第 {row} 行【{column}】：{message}</translation>
    </message>
    <message>
        <source>Sheet {sheet} row {row}: {message}</source>
        <translation>工作表“{sheet}”第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Store unavailable</source>
        <translation>数据库不可用</translation>
    </message>
    <message>
        <source>The program cannot reach its store.</source>
        <translation>程序无法连接数据库。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <source>Install the newer version of the program, or ask the administrator.</source>
        <translation>请安装新版本的程序，或联系系统管理员。</translation>
    </message>
    <message>
        <source>Check that the server is running and this workstation's network or shared folder is connected (or that no other program holds the file), then retry.</source>
        <translation>请确认服务器正在运行、本机网络或共享文件夹已连接（或数据库文件未被其他程序占用）后重试。</translation>
    </message>
</context>
<context>
    <name>DisposalKindsSection</name>
    <message>
        <source>Kinds of handling</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>The kinds a supervisor chooses from when handling a warning, separated by 、. Handlings already made keep their kind.</source>
        <translation>处置预警时可选的处置方式，用“、”分隔。已作出的处置保留原处置方式。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Read only: your role may not change these settings.</source>
        <translation>只读：您的角色无权修改这些设置。</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}.</source>
        <translation>最后由 {who} 于 {when} 修改。</translation>
    </message>
    <message>
        <source>The default kinds; never changed.</source>
        <translation>默认处置方式，未修改过。</translation>
    </message>
    <message>
        <source>Saving the kinds of handling</source>
        <translation>正在保存处置方式</translation>
    </message>
    <message>
        <source>Saved. The handling dialog offers these kinds from now on.</source>
        <translation>已保存。此后处置时可选这些处置方式。</translation>
    </message>
</context>
<context>
    <name>DossierViewer</name>
    <message>
        <source>No dossier open.</source>
        <translation>未打开案卷。</translation>
    </message>
    <message>
        <source>The file {name} does not exist or cannot be read.</source>
        <translation>文件 {name} 不存在或无法读取。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>{name} is protected by a password and cannot be shown.</source>
        <translation>{name} 设有密码保护，无法显示。</translation>
    </message>
    <message>
        <source>{name} has no pages.</source>
        <translation>{name} 没有任何页面。</translation>
    </message>
    <message>
        <source>{name} is damaged: its pages cannot be read.</source>
        <translation>{name} 已损坏，无法读取其页面。</translation>
    </message>
    <message>
        <source>{name} is not a PDF file, or it is damaged.</source>
        <translation>{name} 不是 PDF 文件，或已损坏。</translation>
    </message>
    <message>
        <source>This page cannot be shown: the file may be damaged.</source>
        <translation>无法显示此页：文件可能已损坏。</translation>
    </message>
</context>
<context>
    <name>DrawPreviewView</name>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>To draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评查员</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>案卷数</translation>
    </message>
    <message>
        <source>Nothing is stored yet. Confirm the draw to store it with its seed: the files and reviewers will be exactly these. Back to the settings changes nothing.</source>
        <translation>尚未保存任何内容。确认抽取后将连同种子一并保存，案卷和评查员与此处完全一致；返回修改不会改变任何数据。</translation>
    </message>
    <message>
        <source>Files per agency</source>
        <translation>各执法主体抽取案卷</translation>
    </message>
    <message>
        <source>Files per reviewer</source>
        <translation>各评查员分配案卷</translation>
    </message>
    <message>
        <source>Preview: {count} files would be drawn for {name}</source>
        <translation>预览：{name} 将抽取 {count} 份案卷</translation>
    </message>
    <message>
        <source>{population} eligible files in {agencies} agencies; seed {seed}.</source>
        <translation>{agencies} 个执法主体共 {population} 份符合条件的案卷；种子 {seed}。</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256): {sha}</source>
        <translation>指纹（SHA-256）：{sha}</translation>
    </message>
    <message>
        <source>A campaign with a similar name exists: {names}. Check that this is not the same campaign twice.</source>
        <translation>已有名称相近的评查活动：{names}。请确认不是重复建立同一活动。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>DrawResultView</name>
    <message>
        <source>Anyone with the seed and the list of eligible files (saved from the campaign's overview, where the rule is written out) can repeat this draw.</source>
        <translation>任何人持有随机种子和符合条件案卷清单（可在活动“概况”中保存，抽取规则也列于该处），即可重复本次抽取。</translation>
    </message>
    <message>
        <source>Agency and case number</source>
        <translation>执法主体 / 案号</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>{count} files drawn for {name}</source>
        <translation>“{name}”已抽取 {count} 件案卷</translation>
    </message>
    <message>
        <source>{population} eligible files in {agencies} agencies; seed {seed}. The files are assigned to their reviewers and can be scored now.</source>
        <translation>{agencies} 个执法主体共有 {population} 件符合条件的案卷；随机种子 {seed}。案卷已分配给评查人员，现在即可评分。</translation>
    </message>
    <message>
        <source>The register changed after the preview: these files differ from the ones previewed.</source>
        <translation>预览后案件登记有变化：抽取的案卷与预览不同。</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256): {sha}</source>
        <translation>指纹（SHA-256）：{sha}</translation>
    </message>
    <message>
        <source>{agency} — {drawn} of {eligible} eligible</source>
        <translation>{agency} — 抽取 {drawn} 件 / 符合条件 {eligible} 件</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>罚没金额</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处罚决定</translation>
    </message>
    <message>
        <source>Edit case {case_no}</source>
        <translation>编辑案件 {case_no}</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>No amount</source>
        <translation>不涉及金额</translation>
    </message>
    <message>
        <source>Penalty kinds</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why the case is corrected (kept in the audit record)</source>
        <translation>更正理由（记入审计记录）</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Selected</source>
        <translation>当前扣分项</translation>
    </message>
    <message>
        <source>Note on this deduction: where, what is wrong (saved when you leave the field)</source>
        <translation>扣分说明：在哪里、什么问题（离开输入框即保存）</translation>
    </message>
    <message>
        <source>No marks yet: with this deduction selected, draw a box on the dossier (Mark area) and it is linked here.</source>
        <translation>尚无标注：选中此扣分项后，在卷宗上框选（框选标记），标注即关联到此项。</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>处数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>{item} {title} · {points} pts · {left} left · {rule}</source>
        <translation>{item} {title} · {points}分 · 得分 {left} · {rule}</translation>
    </message>
    <message>
        <source>{points} each occurrence</source>
        <translation>每处扣 {points} 分</translation>
    </message>
    <message>
        <source>{min} to {max} points, your choice</source>
        <translation>扣 {min}–{max} 分，由评查人员确定</translation>
    </message>
    <message>
        <source>all the item's points</source>
        <translation>扣该项全部分值</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>扣 {points} 分</translation>
    </message>
    <message>
        <source>Deducted (Space withdraws)</source>
        <translation>已扣分（空格撤销）</translation>
    </message>
    <message>
        <source>Deduct (Space)</source>
        <translation>扣分（空格）</translation>
    </message>
    <message>
        <source>From {min} to {max}</source>
        <translation>{min} 至 {max} 分</translation>
    </message>
</context>
<context>
    <name>EntryRow</name>
    <message>
        <source>Why this deduction should not stand, e.g. the pages are numbered, see page 2</source>
        <translation>该项扣分为何不应成立，例如：已逐页编号，见第2页</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>复核理由</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Deducted {taken}</source>
        <translation>扣分 {taken}</translation>
    </message>
    <message>
        <source>{kind} · reviewer {reviewer}: {note}</source>
        <translation>{kind} · 评查人 {reviewer}：{note}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>{event}: {number}</source>
        <translation>{event}：{number}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>e.g. 县司〔2026〕12号</source>
        <translation>如 县司〔2026〕12号</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <source>Question bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Exam sittings</source>
        <translation>考试场次</translation>
    </message>
</context>
<context>
    <name>ExamScreen</name>
    <message>
        <source>On-screen exam</source>
        <translation>机考</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sitting code</source>
        <translation>考试码</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始考试</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>{exam} · {name} · paper {paper}</source>
        <translation>{exam} · {name} · 试卷号 {paper}</translation>
    </message>
    <message>
        <source>Question {number} of {count} · {type} · {points} point(s)</source>
        <translation>第 {number} 题 / 共 {count} 题 · {type} · {points} 分</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>剩余时间 {time}</translation>
    </message>
    <message>
        <source>Questions {numbers} have no answer. Submit anyway?</source>
        <translation>第 {numbers} 题尚未作答。仍要交卷吗？</translation>
    </message>
    <message>
        <source>Submit your paper? You cannot change it afterwards.</source>
        <translation>确定交卷吗？交卷后不能再修改。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Paper {paper} submitted.
Score {score} of {points} — {verdict}</source>
        <translation>试卷 {paper} 已交卷。
得分 {score} / {points} — {verdict}</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extend a time limit</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Approve extension</source>
        <translation>批准延长</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延长事项</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>延长天数</translation>
    </message>
    <message>
        <source>Extend the decision time limit</source>
        <translation>延长办案期限</translation>
    </message>
    <message>
        <source>Extend the {measures} time limit ({days} days)</source>
        <translation>延长{measures}期限（{days} 日）</translation>
    </message>
    <message>
        <source>{category} · already extended by {days} days; give the whole extension now approved.</source>
        <translation>{category} · 已延长 {days} 日；请填写现批准的延长总天数。</translation>
    </message>
    <message>
        <source>No due date while a suspension runs; once approved: {change} days.</source>
        <translation>中止计算期间尚未结束，暂无到期日；批准后 {change} 日。</translation>
    </message>
    <message>
        <source>Due now {due}; once approved: {change} days (a holiday moves it on).</source>
        <translation>现到期日 {due}，批准后 {change} 日（遇节假日顺延）。</translation>
    </message>
    <message>
        <source>This case has no time limit to extend.</source>
        <translation>本案没有可延长的期限。</translation>
    </message>
    <message>
        <source>Already extended by {days} days.</source>
        <translation>已延长 {days} 日。</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Send feedback</source>
        <translation>发送反馈</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To {agencies}, for {campaign}: each scored dossier with the reviewers' marks (or its score sheet), the results workbook and a rectification notice. The dossiers themselves are not changed.</source>
        <translation>向{agencies}发送“{campaign}”的反馈：每件已评案卷附评查人员批注的卷宗（或评分表）、评查结果工作簿和整改通知书。原卷宗不作任何改动。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>The bureau named on the rectification notice (kept for next time)</source>
        <translation>整改通知书上署名的发文机关（下次沿用）</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Each package goes into a folder of its own inside this folder. After the notice the agency may ask for a recheck within {days} working days.</source>
        <translation>每个单位的反馈材料保存在此位置下的单独文件夹中。通知后，执法主体可在 {days} 个工作日内申请复核。</translation>
    </message>
    <message>
        <source>Choose the folder the feedback goes to.</source>
        <translation>请选择反馈材料的保存位置。</translation>
    </message>
    <message>
        <source>Name the bureau that issues the notice.</source>
        <translation>请填写发文机关。</translation>
    </message>
    <message>
        <source>The rectification deadline must be after the notice date.</source>
        <translation>整改期限须晚于通知日期。</translation>
    </message>
    <message>
        <source>Writing the feedback of {agency} ({n} of {count})</source>
        <translation>正在生成 {agency} 的反馈材料（第 {n} / {count} 个单位）</translation>
    </message>
    <message>
        <source>Writing the feedback</source>
        <translation>正在生成反馈材料</translation>
    </message>
    <message>
        <source>Feedback sent</source>
        <translation>反馈已发送</translation>
    </message>
    <message>
        <source>The feedback of {count} agencies was written to {folder} and recorded.</source>
        <translation>已将 {count} 个执法主体的反馈材料写入 {folder}，并已登记。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Choose the folder for the feedback</source>
        <translation>选择反馈材料的保存位置</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评 / 抽取</translation>
    </message>
    <message>
        <source>Feedback sent</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Recheck until</source>
        <translation>复核截止</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>反馈文件夹</translation>
    </message>
    <message>
        <source>Send feedback…</source>
        <translation>发送反馈…</translation>
    </message>
    <message>
        <source>Send the selected agency its feedback (every file scored)</source>
        <translation>向所选执法主体发送反馈（须全部案卷已评）</translation>
    </message>
    <message>
        <source>Send to every ready agency…</source>
        <translation>向全部已评完的单位发送反馈…</translation>
    </message>
    <message>
        <source>Every agency whose files are all scored and that has no feedback yet</source>
        <translation>案卷全部已评、尚未发送反馈的所有执法主体</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the selected agency's feedback folder</source>
        <translation>打开所选执法主体的反馈文件夹</translation>
    </message>
    <message>
        <source>Announce (close the campaign)…</source>
        <translation>通报（结束活动）…</translation>
    </message>
    <message>
        <source>Fix the grades: no score can change afterwards</source>
        <translation>确定等次：此后评分不能再修改</translation>
    </message>
    <message>
        <source>Announced: the grades are fixed.</source>
        <translation>已通报：等次已确定。</translation>
    </message>
    <message>
        <source>Ready to announce: every score is final, every agency has its feedback and no recheck is pending.</source>
        <translation>可以通报：评分均已确定，各执法主体均已收到反馈，没有待办的复核。</translation>
    </message>
    <message>
        <source>{n} score sheets not submitted</source>
        <translation>{n} 份评分表未提交</translation>
    </message>
    <message>
        <source>no feedback yet to {agencies}</source>
        <translation>尚未向{agencies}发送反馈</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{n} rechecks not decided</source>
        <translation>{n} 件复核未办结</translation>
    </message>
    <message>
        <source>Before the announcement: {missing}.</source>
        <translation>通报前还需：{missing}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Send feedback</source>
        <translation>发送反馈</translation>
    </message>
    <message>
        <source>{agency} has {left} of {files} files not scored yet: its feedback can go once every file is scored.</source>
        <translation>{agency} 的 {files} 件案卷中尚有 {left} 件未评完：全部评完后才能发送反馈。</translation>
    </message>
    <message>
        <source>No agency is waiting for feedback with every file scored.</source>
        <translation>没有案卷已全部评完、等待反馈的执法主体。</translation>
    </message>
    <message>
        <source>Announce the campaign</source>
        <translation>通报评查活动</translation>
    </message>
    <message>
        <source>Announce {name}? Its grades are fixed: no score can be changed or rechecked afterwards.</source>
        <translation>通报“{name}”？等次将确定，此后评分不能再修改或复核。</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>Closing the campaign</source>
        <translation>正在结束评查活动</translation>
    </message>
    <message>
        <source>The campaign cannot be announced yet</source>
        <translation>评查活动暂不能通报</translation>
    </message>
    <message>
        <source>Select a campaign to see its agencies and their feedback.</source>
        <translation>选择一个评查活动，查看各执法主体及其反馈。</translation>
    </message>
    <message>
        <source>Your agency's feedback shows here once the bureau has sent it.</source>
        <translation>司法局发送反馈后，本单位的反馈将显示在这里。</translation>
    </message>
    <message>
        <source>No file to give feedback on.</source>
        <translation>没有需要反馈的案卷。</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Finished or not</source>
        <translation>是否完成</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部案卷</translation>
    </message>
    <message>
        <source>Case number, cause, party or reviewer</source>
        <translation>案号、案由、当事人或评查人</translation>
    </message>
    <message>
        <source>Open the score sheet</source>
        <translation>查看评分表</translation>
    </message>
    <message>
        <source>Reopen the score…</source>
        <translation>重新打开评分…</translation>
    </message>
    <message>
        <source>Reassign the reviewer…</source>
        <translation>更换评查员…</translation>
    </message>
    <message>
        <source>Give a reviewer's sheets of the selected files to another reviewer, with a reason</source>
        <translation>将所选案卷中某评查员的评分表交给另一名评查员，并说明理由</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查人</translation>
    </message>
    <message>
        <source>Score sheets</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>Final score</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Vetoes</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Reopen the score</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>The campaign is announced: its grades are fixed and no score can be reopened.</source>
        <translation>评查活动已通报：等次已确定，不能再重新打开评分。</translation>
    </message>
    <message>
        <source>No score sheet of {case_no} is submitted: there is nothing to reopen.</source>
        <translation>{case_no} 没有已提交的评分表，无需重新打开。</translation>
    </message>
    <message>
        <source>Reassign a reviewer</source>
        <translation>更换评查员</translation>
    </message>
    <message>
        <source>The campaign is announced: its grades are fixed.</source>
        <translation>评查活动已通报，等次已确定。</translation>
    </message>
    <message>
        <source>The campaign is voided: its files are not scored.</source>
        <translation>评查活动已作废，其案卷不再评分。</translation>
    </message>
    <message>
        <source>{count} score sheets of {old} now go to {new}.</source>
        <translation>{old} 的 {count} 份评分表已改由 {new} 评查。</translation>
    </message>
    <message>
        <source>{n} of them had work saved on them, kept for {new} to continue.</source>
        <translation>其中 {n} 份已有保存的评分内容，予以保留，由 {new} 继续评查。</translation>
    </message>
    <message>
        <source>No file matches the search or filters.</source>
        <translation>没有与搜索或筛选条件相符的案卷。</translation>
    </message>
    <message>
        <source>Your agency's files show here once the bureau has sent its feedback.</source>
        <translation>司法局发送反馈后，本单位的案卷将显示在这里。</translation>
    </message>
    <message>
        <source>No drawn file to show.</source>
        <translation>没有可显示的抽取案卷。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up the store</source>
        <translation>初始化数据库</translation>
    </message>
    <message>
        <source>This store has no accounts yet. Create its administrator, who then creates the other users' accounts.</source>
        <translation>该数据库尚无账号。请先创建管理员，再由管理员为其他用户创建账号。</translation>
    </message>
    <message>
        <source>e.g. Zhang Ming</source>
        <translation>例如：张明</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>Load the demo county</source>
        <translation>加载示范县数据</translation>
    </message>
    <message>
        <source>Adds {agencies} example agencies, {officers} officers with certificates and one account per role (password {password}) so that every area can be tried. Leave it off for a county's real store.</source>
        <translation>添加 {agencies} 个示例执法主体、{officers} 名持证执法人员，并为每个角色各建一个账号（密码为 {password}），以便试用各项功能。正式使用的数据库请勿勾选。</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>does not match the password.</source>
        <translation>与密码不一致。</translation>
    </message>
    <message>
        <source>Creating the administrator</source>
        <translation>正在创建管理员</translation>
    </message>
    <message>
        <source>Loading the demo county…</source>
        <translation>正在加载示范县数据…</translation>
    </message>
    <message>
        <source>Loading the demo county</source>
        <translation>正在加载示范县数据</translation>
    </message>
</context>
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>add the county's enforcement agencies one by one, or import them from a workbook</source>
        <translation>逐个新建本县的执法主体，或用工作簿导入</translation>
    </message>
    <message>
        <source>Open agencies</source>
        <translation>打开执法主体</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>add each agency's officers and their certificates (their agency must exist)</source>
        <translation>添加各执法主体的执法人员及执法证（执法主体须已存在）</translation>
    </message>
    <message>
        <source>Open officers</source>
        <translation>打开执法人员</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>import the case register (the Template button saves an empty one) or create cases</source>
        <translation>导入案件登记表（“下载模板”可保存空白表）或新建案件</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>Review standards</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>check the default case-file review standards against your province's, or import yours</source>
        <translation>对照本省标准核对默认的案卷评查标准，或导入本省标准</translation>
    </message>
    <message>
        <source>Open standards</source>
        <translation>打开评查标准</translation>
    </message>
    <message>
        <source>Add an agency first (step 1).</source>
        <translation>请先添加执法主体（第 1 步）。</translation>
    </message>
    <message>
        <source>Add the officers of at least one agency first (step 2).</source>
        <translation>请先为至少一个执法主体添加执法人员（第 2 步）。</translation>
    </message>
    <message>
        <source>{action} is not available yet: {why}</source>
        <translation>暂时不能{action}：{why}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待完成</translation>
    </message>
</context>
<context>
    <name>FootagePage</name>
    <message>
        <source>Body-camera footage</source>
        <translation>音像证据</translation>
    </message>
    <message>
        <source>Search SHA-256, file name, 警号 or device (Ctrl+F)</source>
        <translation>搜索 SHA-256、文件名、警号或设备编号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>证据库</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>采集站</translation>
    </message>
    <message>
        <source>Retention / deletion lists</source>
        <translation>保留期 / 删除清单</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Officer no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>时长(秒)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>Case open</source>
        <translation>案件未结</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>哈希值(SHA-256)</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Which files</source>
        <translation>文件范围</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Not linked to a case</source>
        <translation>未关联案件</translation>
    </message>
    <message>
        <source>Marked important</source>
        <translation>标记为重要</translation>
    </message>
    <message>
        <source>Deleted (kept as a record)</source>
        <translation>已删除（保留记录）</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Recorded {label} (Delete: any date)</source>
        <translation>摄录日期{label}（按 Delete 键：不限）</translation>
    </message>
    <message>
        <source>Link to case…</source>
        <translation>关联案件…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Evidence folder: {free:,.1f} GB free of {total:,.1f} GB</source>
        <translation>证据文件夹：剩余 {free:,.1f} GB，共 {total:,.1f} GB</translation>
    </message>
    <message>
        <source> — below {limit} GB, make room or move the evidence folder</source>
        <translation> — 低于 {limit} GB，请清理空间或迁移证据文件夹</translation>
    </message>
    <message>
        <source>Imported {start} – {end}</source>
        <translation>导入于 {start} 至 {end}</translation>
    </message>
    <message>
        <source>No file matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的文件。</translation>
    </message>
    <message>
        <source>No footage yet — add a docking station under Stations and import it.</source>
        <translation>尚无音像证据 — 在“采集站”中添加采集站并导入。</translation>
    </message>
    <message>
        <source>Unlink {file} from case {case_no}?</source>
        <translation>取消 {file} 与案件 {case_no} 的关联？</translation>
    </message>
    <message>
        <source>Unlinking</source>
        <translation>正在取消关联</translation>
    </message>
    <message>
        <source>Opening {file}</source>
        <translation>正在打开 {file}</translation>
    </message>
    <message>
        <source>Select a file to see its details.</source>
        <translation>选择一个文件查看详情。</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(未对应)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留类别</translation>
    </message>
    <message>
        <source>the case is closed, then longer</source>
        <translation>至案件办结后再保留规定年限</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Checked against the station</source>
        <translation>已与采集站哈希核对</translation>
    </message>
    <message>
        <source>No hash given</source>
        <translation>未提供哈希</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>采集站</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
</context>
<context>
    <name>FootageSettingsDialog</name>
    <message>
        <source>Footage settings</source>
        <translation>音像证据设置</translation>
    </message>
    <message>
        <source>Ordinary footage kept</source>
        <translation>普通音像保留</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Important footage kept</source>
        <translation>重要音像保留</translation>
    </message>
    <message>
        <source>Evidence kept after the case closed</source>
        <translation>证据音像在案件办结后保留</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Warn below this free space</source>
        <translation>剩余空间低于此值时提醒</translation>
    </message>
    <message>
        <source>Files transferred at once</source>
        <translation>同时传输的文件数</translation>
    </message>
</context>
<context>
    <name>FootageWork</name>
    <message>
        <source>Importing {name}: {done} of {total} bytes</source>
        <translation>正在导入 {name}：{done} / {total} 字节</translation>
    </message>
    <message>
        <source>Importing every station</source>
        <translation>正在导入全部采集站</translation>
    </message>
    <message>
        <source>No stations to import.</source>
        <translation>没有可导入的采集站。</translation>
    </message>
    <message>
        <source>Verifying the evidence folder: {done} of {total} bytes</source>
        <translation>正在校验证据文件夹：{done} / {total} 字节</translation>
    </message>
    <message>
        <source>Imported {imported}, skipped {skipped} (already stored), {errors} problem(s).</source>
        <translation>导入 {imported} 个，跳过 {skipped} 个（已存储），问题 {errors} 个。</translation>
    </message>
    <message>
        <source>Officer numbers to map: {numbers}</source>
        <translation>待对应的警号：{numbers}</translation>
    </message>
    <message>
        <source>All {n} stored files are intact.</source>
        <translation>已存储的 {n} 个文件全部完好。</translation>
    </message>
    <message>
        <source>{n} stored files checked; problems found:</source>
        <translation>已校验 {n} 个存储文件，发现问题：</translation>
    </message>
    <message>
        <source>Missing: {sha}</source>
        <translation>缺失：{sha}</translation>
    </message>
    <message>
        <source>Altered: {sha}</source>
        <translation>被改动：{sha}</translation>
    </message>
    <message>
        <source>Stored but not recorded: {sha}</source>
        <translation>已存储但未登记：{sha}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Reloaded: changed by {who} at {when}. Make your changes again and save.</source>
        <translation>已刷新：该记录已由 {who} 于 {when} 修改，请重新修改后保存。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate papers</source>
        <translation>生成试卷</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>组卷方案</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生名单</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Empty: on-screen sitting only (no PDFs)</source>
        <translation>留空：仅用于机考（不生成 PDF）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The blueprint's name</source>
        <translation>组卷方案中的名称</translation>
    </message>
    <message>
        <source>Exam name</source>
        <translation>考试名称</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Blueprints (*.json)</source>
        <translation>组卷方案 (*.json)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking the blueprint</source>
        <translation>正在检查组卷方案</translation>
    </message>
    <message>
        <source>{name}: {questions} questions, {points} points, {minutes} minutes — the bank can fill it.</source>
        <translation>{name}：共 {questions} 题，{points} 分，{minutes} 分钟 — 题库可以满足。</translation>
    </message>
    <message>
        <source>Fill in: {fields}</source>
        <translation>请填写：{fields}</translation>
    </message>
    <message>
        <source>Generating papers</source>
        <translation>正在生成试卷</translation>
    </message>
    <message>
        <source>Sitting {id}: {count} paper(s) written to {folder}.</source>
        <translation>考试场次 {id}：已将 {count} 份试卷写入 {folder}。</translation>
    </message>
    <message>
        <source>Sitting {id}: {count} paper(s) stored for the on-screen sitting.</source>
        <translation>考试场次 {id}：已为机考保存 {count} 份试卷。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>HandleWarningDialog</name>
    <message>
        <source>Handle warning — {case_no}</source>
        <translation>处置预警 — {case_no}</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>What was done, e.g. talked to the officers in charge; decision ordered by 30 November.</source>
        <translation>说明处置情况，例如：已约谈承办人员，责令于 11 月 30 日前作出决定。</translation>
    </message>
    <message>
        <source>How it was handled</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <source>Handle {count} warnings</source>
        <translation>处置 {count} 条预警</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Choose a kind</source>
        <translation>请选择处置方式</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>No follow-up</source>
        <translation>不跟进</translation>
    </message>
    <message>
        <source>After this date the warning centre shows a follow-up warning until it is handled.</source>
        <translation>过了该日期，预警中心将显示一条跟进预警，直至其被处置。</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 条</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>{count} warnings of {cases} cases</source>
        <translation>{cases} 个案件的 {count} 条预警</translation>
    </message>
    <message>
        <source>{count} of them are handled already: saving replaces their handling.</source>
        <translation>其中 {count} 条已处置：保存将替换原处置。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Handled by {who} at {when}. Saving replaces that handling.</source>
        <translation>已由 {who} 于 {when} 处置。保存将替换原处置。</translation>
    </message>
    <message>
        <source>{name} (kept)</source>
        <translation>{name}（保留）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose the kind of handling.</source>
        <translation>请选择处置方式。</translation>
    </message>
    <message>
        <source>Say what was done about this warning.</source>
        <translation>请填写对该预警的处置情况。</translation>
    </message>
    <message>
        <source>The follow-up date is in the past.</source>
        <translation>跟进日期已经过去。</translation>
    </message>
    <message>
        <source>The file is not there any more.</source>
        <translation>文件已不存在。</translation>
    </message>
    <message>
        <source>The file is larger than {limit} MB.</source>
        <translation>文件超过 {limit} MB。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>选择附件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.ofd);;All files (*)</source>
        <translation>文档 (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.ofd);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Choose a certificate to see its history.</source>
        <translation>选择一个执法证，查看其历史记录。</translation>
    </message>
    <message>
        <source>{number} · {officer} · {state}; valid {issued} to {expires}</source>
        <translation>{number} · {officer} · {state}；有效期 {issued} 至 {expires}</translation>
    </message>
    <message>
        <source>Replaced by {number}</source>
        <translation>已由 {number} 替代</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <source>Showing the first {shown:,} of {count:,} problems; save the report to see them all.</source>
        <translation>共 {count:,} 处问题，仅显示前 {shown:,} 处；保存报告可查看全部问题。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>InputLimitsSection</name>
    <message>
        <source>Input limits</source>
        <translation>输入限制</translation>
    </message>
    <message>
        <source>Kept in the store for every workstation. An import stops reading after this many rows and checking after this many problems; a date outside these years is refused as a typing error (imports, forms and --as-of). Other workstations use a change from their next import or start.</source>
        <translation>保存在数据库中，所有工作站通用。导入读到此行数即停止，发现此数量的问题即停止检查；超出这些年份的日期视为录入错误而拒绝（导入、表单和 --as-of）。其他工作站在下次导入或启动时采用修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Read only: only an administrator may change these limits.</source>
        <translation>只读：仅管理员可修改这些限制。</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}.</source>
        <translation>最后由 {who} 于 {when} 修改。</translation>
    </message>
    <message>
        <source>The defaults; never changed.</source>
        <translation>默认值；从未修改。</translation>
    </message>
    <message>
        <source>Defaults filled in; press Save to use them.</source>
        <translation>已填入默认值；按“保存”后生效。</translation>
    </message>
    <message>
        <source>Saving the input limits</source>
        <translation>正在保存输入限制</translation>
    </message>
    <message>
        <source>Saved. Imports and dates are checked with these limits from now on.</source>
        <translation>已保存。此后导入和日期按这些限制检查。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message>
        <source>Case sources</source>
        <translation>案源</translation>
    </message>
    <message>
        <source>Undecided only</source>
        <translation>只看未处理</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Import case sources</source>
        <translation>导入案源</translation>
    </message>
    <message>
        <source>Importing case sources</source>
        <translation>正在导入案源</translation>
    </message>
    <message>
        <source>Export case sources</source>
        <translation>导出案源</translation>
    </message>
    <message>
        <source>Exporting case sources</source>
        <translation>正在导出案源</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No undecided case source.</source>
        <translation>没有未处理的案源。</translation>
    </message>
    <message>
        <source>No case sources yet — import a workbook of case sources (案源).</source>
        <translation>尚无案源——请导入案源登记表。</translation>
    </message>
</context>
<context>
    <name>LimitsSection</name>
    <message>
        <source>Deadlines and warnings</source>
        <translation>期限与预警</translation>
    </message>
    <message>
        <source>Kept in the store: every workstation uses the same limits. The warning centre and the case register count with them from the next time they are read.</source>
        <translation>保存在数据库中，所有工作站使用同一组期限；预警中心和案件台账下次读取时即按新值计算。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Fill in the statutory defaults (saved only with Save)</source>
        <translation>填入法定默认值（点“保存”后才生效）</translation>
    </message>
    <message>
        <source>Read only: your role may not change these settings.</source>
        <translation>只读：您的角色无权修改这些设置。</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}.</source>
        <translation>最后修改：{who}，{when}。</translation>
    </message>
    <message>
        <source>The statutory defaults; never changed.</source>
        <translation>法定默认值，从未修改。</translation>
    </message>
    <message>
        <source>Defaults filled in; press Save to use them.</source>
        <translation>已填入默认值，点“保存”后生效。</translation>
    </message>
    <message>
        <source>Saving the limits</source>
        <translation>正在保存期限设置</translation>
    </message>
    <message>
        <source>Saved. Warnings are counted with these limits from now on.</source>
        <translation>已保存。此后预警按这些期限计算。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link to a case</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>案号, e.g. X市监罚〔2026〕12号</source>
        <translation>案号，例如 X市监罚〔2026〕12号</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>No case of this officer covers the recording's date.</source>
        <translation>该执法人员没有覆盖录制日期的案件。</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Give the case number.</source>
        <translation>请填写案号。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>正在登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>驾驶舱</translation>
    </message>
    <message>
        <source>Case supervision</source>
        <translation>案件监督</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警中心</translation>
    </message>
    <message>
        <source>Case-file review</source>
        <translation>案卷评查</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>执法资格</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Body-camera footage</source>
        <translation>音像证据</translation>
    </message>
    <message>
        <source>Powers &amp; inspections</source>
        <translation>事项与抽查</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{user} · {role} · {agency}</source>
        <translation>{user} · {role} · {agency}</translation>
    </message>
    <message>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <source>About…</source>
        <translation>关于…</translation>
    </message>
    <message>
        <source>Go to {area}</source>
        <translation>转到{area}</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>MapNumberDialog</name>
    <message>
        <source>Map officer number {number}</source>
        <translation>对应警号 {number}</translation>
    </message>
    <message>
        <source>Map device {number}</source>
        <translation>对应设备 {number}</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>对应</translation>
    </message>
    <message>
        <source>(choose an officer)</source>
        <translation>（选择执法人员）</translation>
    </message>
    <message>
        <source>(choose the agency)</source>
        <translation>（请选择执法主体）</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Choose the officer.</source>
        <translation>请选择执法人员。</translation>
    </message>
    <message>
        <source>Choose the agency.</source>
        <translation>请选择执法主体。</translation>
    </message>
</context>
<context>
    <name>MarkActions</name>
    <message>
        <source>This score sheet is read-only: no marks can be added.</source>
        <translation>本评分表为只读，不能添加标注。</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>已扣分项</translation>
    </message>
    <message>
        <source>Not linked (a note only)</source>
        <translation>不关联（仅批注）</translation>
    </message>
    <message>
        <source>Delete the mark on page {page} ({target})?</source>
        <translation>删除第 {page} 页的标注（{target}）？</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show on the page</source>
        <translation>在卷宗中显示</translation>
    </message>
    <message>
        <source>Link to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>MarksList</name>
    <message>
        <source>box</source>
        <translation>框选</translation>
    </message>
    <message>
        <source>note only</source>
        <translation>仅批注</translation>
    </message>
    <message>
        <source>p. {page} · {what} · {target}</source>
        <translation>第 {page} 页 · {what} · {target}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>e.g. 示范市监罚〔2026〕12号</source>
        <translation>例如 示范市监罚〔2026〕12号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>(choose an agency)</source>
        <translation>（请选择执法主体）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>(choose a category)</source>
        <translation>（请选择案件类别）</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>程序类型</translation>
    </message>
    <message>
        <source>(choose a procedure)</source>
        <translation>（请选择程序类型）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>e.g. 销售过期食品</source>
        <translation>例如 销售过期食品</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>自然人姓名或单位名称</translation>
    </message>
    <message>
        <source>Party type</source>
        <translation>当事人类型</translation>
    </message>
    <message>
        <source>ID or credit code</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>18 characters, optional</source>
        <translation>18 位，可不填</translation>
    </message>
    <message>
        <source>Major enforcement decision (legal review before deciding)</source>
        <translation>重大执法决定（作出决定前须经法制审核）</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重大案件</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Officers and dates</source>
        <translation>承办人员与日期</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>承办人员</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Discovered on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Coercive measures</source>
        <translation>强制措施</translation>
    </message>
    <message>
        <source>Measure taken on</source>
        <translation>强制措施日期</translation>
    </message>
    <message>
        <source>Dossier PDF, optional</source>
        <translation>卷宗 PDF，可不选</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Loading the agency's officers…</source>
        <translation>正在读取该执法主体的执法人员…</translation>
    </message>
    <message>
        <source>The agency's officers could not be read.</source>
        <translation>未能读取该执法主体的执法人员。</translation>
    </message>
    <message>
        <source>Choose the agency first.</source>
        <translation>请先选择执法主体。</translation>
    </message>
    <message>
        <source>This agency has no officers yet.</source>
        <translation>该执法主体尚无执法人员。</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>无执法证</translation>
    </message>
    <message>
        <source>Without a valid certificate on the filing date the case is warned about.</source>
        <translation>立案日期时无有效执法证的，本案将产生预警。</translation>
    </message>
    <message>
        <source>Choose the dossier</source>
        <translation>选择卷宗</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Import the holiday notice</source>
        <translation>导入放假通知</translation>
    </message>
    <message>
        <source>Store in the calendar</source>
        <translation>保存到工作日历</translation>
    </message>
    <message>
        <source>Paste the whole notice here, its title included:
国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日至3日放假……</source>
        <translation>在此粘贴通知全文，包括标题：
国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日至3日放假……</translation>
    </message>
    <message>
        <source>The State Council publishes the next year's schedule each November (国务院办公厅关于 YYYY 年部分节假日安排的通知). Copy its text from the government's website.</source>
        <translation>国务院办公厅每年11月前后发布下一年的节假日安排（国务院办公厅关于 YYYY 年部分节假日安排的通知），请从中国政府网复制全文。</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Red: a day off. Green, framed: a weekend day worked. Grey: an ordinary weekend.</source>
        <translation>红色：放假。绿色带框：周末调休上班。灰色：普通周末。</translation>
    </message>
    <message>
        <source>Paste the notice's text.</source>
        <translation>请粘贴通知全文。</translation>
    </message>
    <message>
        <source>Store the {year} holidays</source>
        <translation>保存 {year} 年节假日安排</translation>
    </message>
    <message>
        <source>Store {rest} days off and {work} worked weekend days of {year} in the local calendar? Deadlines count with them from now on; an earlier notice of {year} is replaced.</source>
        <translation>将 {year} 年放假 {rest} 天、调休上班 {work} 天保存到本地工作日历？此后期限按其计算；此前导入的 {year} 年通知将被替换。</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Nothing read yet.</source>
        <translation>尚未读出内容。</translation>
    </message>
    <message>
        <source>{year}: {rest} days off, {work} weekend days worked.</source>
        <translation>{year} 年：放假 {rest} 天，调休上班 {work} 天。</translation>
    </message>
    <message>
        <source>The national schedule already holds {year}; the notice's days are kept as well.</source>
        <translation>全国节假日数据已包含 {year} 年；通知中的日期也一并保存。</translation>
    </message>
    <message>
        <source>{name}: off {days}</source>
        <translation>{name}：放假 {days}</translation>
    </message>
    <message>
        <source>; worked {days}</source>
        <translation>；上班 {days}</translation>
    </message>
</context>
<context>
    <name>OfficerDetail</name>
    <message>
        <source>Select an officer to see their details.</source>
        <translation>选择一名执法人员以查看详细信息。</translation>
    </message>
    <message>
        <source>Enforcement certificate</source>
        <translation>执法证</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Show whole number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Enforcement category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>Enforcement region</source>
        <translation>执法区域</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <source>Exams passed</source>
        <translation>资格考试</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}</source>
        <translation>最后由 {who} 于 {when} 修改</translation>
    </message>
    <message>
        <source>{sitting}, {date}, {score:g} of {points:g}</source>
        <translation>{sitting}，{date}，{score:g} / {points:g} 分</translation>
    </message>
    <message>
        <source>none on record</source>
        <translation>无通过记录</translation>
    </message>
    <message>
        <source>expires in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <source>expired {days} days ago</source>
        <translation>已过期 {days} 天</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Edit officer</source>
        <translation>编辑执法人员</translation>
    </message>
    <message>
        <source>New officer</source>
        <translation>新建执法人员</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>(choose an agency)</source>
        <translation>（请选择执法主体）</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Enforcement category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>e.g. 市场监管</source>
        <translation>例如：市场监管</translation>
    </message>
    <message>
        <source>Enforcement region</source>
        <translation>执法区域</translation>
    </message>
    <message>
        <source>Enforcement certificate</source>
        <translation>执法证</translation>
    </message>
    <message>
        <source>Holds an enforcement certificate</source>
        <translation>持有执法证</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <source>Shown masked: your role may not see whole ID numbers. It stays as stored.</source>
        <translation>已脱敏显示：您的角色无权查看完整身份证号。保存时保持原值不变。</translation>
    </message>
</context>
<context>
    <name>OfficerTitles</name>
    <message>
        <source>Valid</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>无证</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Search name, ID number or certificate number (Ctrl+F)</source>
        <translation>搜索姓名、身份证号或执法证号（Ctrl+F）</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Import officers</source>
        <translation>导入执法人员</translation>
    </message>
    <message>
        <source>Importing officers</source>
        <translation>正在导入执法人员</translation>
    </message>
    <message>
        <source>Export officers</source>
        <translation>导出执法人员</translation>
    </message>
    <message>
        <source>Exporting officers</source>
        <translation>正在导出执法人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Certificate state</source>
        <translation>证件状态</translation>
    </message>
    <message>
        <source>Enforcement category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>All certificate states</source>
        <translation>全部证件状态</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>No officer matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的执法人员。</translation>
    </message>
    <message>
        <source>No officers yet — import an officer workbook or add one.</source>
        <translation>尚无执法人员 — 导入执法人员表或新建。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Add local override</source>
        <translation>添加本地调整</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rest day (holiday)</source>
        <translation>休息日（放假）</translation>
    </message>
    <message>
        <source>Working day (adjusted weekend or local)</source>
        <translation>工作日（调休上班或本地安排）</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>计为</translation>
    </message>
    <message>
        <source>e.g. Spring Festival 2027, county government notice</source>
        <translation>例如：2027 年春节、县政府通知</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The national schedule already counts {day} as a {kind}.</source>
        <translation>按国家安排，{day} 已是{kind}。</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>The national schedule counts {day} as a {kind}.</source>
        <translation>按国家安排，{day} 是{kind}。</translation>
    </message>
    <message>
        <source>The {year} holiday schedule is not loaded: {day} counts as a {kind} by weekends.</source>
        <translation>{year} 年节假日安排未载入：按周末计算，{day} 是{kind}。</translation>
    </message>
    <message>
        <source>It already has a local override ({kind}); saving replaces it.</source>
        <translation>该日已有本地调整（{kind}），保存将替换。</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>Select a campaign to see how it was set up and drawn.</source>
        <translation>选择一个评查活动，查看其设置和抽取情况。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>评查范围</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Case categories</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Closed between</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Files to draw</source>
        <translation>抽取数量</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Electronic dossier</source>
        <translation>电子卷宗</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>评查人员</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source>Recheck window</source>
        <translation>复核申请期限</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>The draw</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Eligible files</source>
        <translation>符合条件案卷</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>抽取规则</translation>
    </message>
    <message>
        <source>Save the list of eligible files…</source>
        <translation>保存符合条件案卷清单…</translation>
    </message>
    <message>
        <source>A text file with one key per line; its SHA-256 is the fingerprint above, so anyone can repeat the draw from the seed</source>
        <translation>文本文件，每行一个键；其 SHA-256 即上方的指纹，任何人都可据此用随机种子重新抽取</translation>
    </message>
    <message>
        <source>{state} by {who} at {when}: {reason}</source>
        <translation>{state}（{who}，{when}）：{reason}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Files reviewed in the last {n} campaigns</source>
        <translation>最近 {n} 次活动已抽取的案卷</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不排除</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必须有电子卷宗</translation>
    </message>
    <message>
        <source>Not required (paper files too)</source>
        <translation>不要求（含纸质卷宗）</translation>
    </message>
    <message>
        <source>{days} working days after the feedback</source>
        <translation>反馈后 {days} 个工作日内</translation>
    </message>
    <message>
        <source>{who} at {when} (cases closed by {day})</source>
        <translation>{who} 于 {when} 抽取（截至 {day} 已结案的案件）</translation>
    </message>
    <message>
        <source>{count} files, {drawn} drawn</source>
        <translation>{count} 件，抽取 {drawn} 件</translation>
    </message>
    <message>
        <source>Save the list of eligible files</source>
        <translation>保存符合条件案卷清单</translation>
    </message>
    <message>
        <source>{name} eligible files.txt</source>
        <translation>{name} 符合条件案卷.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Saving the list of eligible files</source>
        <translation>正在保存符合条件案卷清单</translation>
    </message>
    <message>
        <source>Saved {count} keys to {path}.
The file's SHA-256 is the campaign's fingerprint, so it is the population the draw ranked.</source>
        <translation>已将 {count} 个键保存到 {path}。
该文件的 SHA-256 与活动的指纹一致，即抽取时排序的案卷范围。</translation>
    </message>
    <message>
        <source>Saved {count} keys to {path}.
Its SHA-256 differs from the stored fingerprint: the stored population is damaged.</source>
        <translation>已将 {count} 个键保存到 {path}。
其 SHA-256 与保存的指纹不一致：保存的案卷范围已损坏。</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>No text on this page: mark it with a box (Mark area).</source>
        <translation>此页没有文字：请用框选标记。</translation>
    </message>
</context>
<context>
    <name>PaperPanel</name>
    <message>
        <source>Paper dossier</source>
        <translation>纸质卷宗</translation>
    </message>
    <message>
        <source>This file has no electronic dossier: score it from the paper file beside you.
Deductions, their notes and the review opinion are saved as usual; marks on pages need a PDF.</source>
        <translation>本案卷没有电子卷宗，请对照纸质卷宗评分。
扣分、扣分说明和评查意见照常保存；页面标注需有 PDF 卷宗。</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <source>身份证号 or 统一社会信用代码</source>
        <translation>身份证号或统一社会信用代码</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>Enter a party's number to see all their cases across agencies.</source>
        <translation>输入当事人的证件号码，查看其在各执法主体的全部案件。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Penalty kinds</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>罚没金额（元）</translation>
    </message>
    <message>
        <source>{number} · {names} · {count} case(s)</source>
        <translation>{number} · {names} · 共 {count} 件</translation>
    </message>
    <message>
        <source>repeat party: punished {n} times in the last 12 months</source>
        <translation>重复违法：近 12 个月受处罚 {n} 次</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Set a new password for {name} ({display})? The old one stops working at once.</source>
        <translation>确定为 {name}（{display}）设置新密码吗？原密码将立即失效。</translation>
    </message>
</context>
<context>
    <name>PeopleCharts</name>
    <message>
        <source>Valid</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>无证</translation>
    </message>
    <message>
        <source>Certificates by state</source>
        <translation>执法证状态（按单位）</translation>
    </message>
    <message>
        <source>Certificates expiring</source>
        <translation>即将到期的执法证</translation>
    </message>
    <message>
        <source>Training hours against the target</source>
        <translation>培训学时达标情况</translation>
    </message>
    <message>
        <source>Exam papers passed</source>
        <translation>考试通过情况</translation>
    </message>
    <message>
        <source>Footage imported · not linked</source>
        <translation>音像资料导入 · 未关联案件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>None expiring</source>
        <translation>无即将到期的执法证</translation>
    </message>
    <message>
        <source>Reaching the target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Below the target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>No officers</source>
        <translation>无执法人员</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>None graded in this period</source>
        <translation>本期无已评分试卷</translation>
    </message>
    <message>
        <source>no agency</source>
        <translation>未归属单位</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>None imported in this period</source>
        <translation>本期未导入音像资料</translation>
    </message>
    <message>
        <source>Expiring within 60 days of the period's end: {n}</source>
        <translation>期末后 60 天内到期：{n} 本</translation>
    </message>
    <message>
        <source>Officers reaching the training target ({target} hours):</source>
        <translation>培训学时达标人数（目标 {target} 学时）：</translation>
    </message>
    <message>
        <source>Exam papers passed:</source>
        <translation>考试通过份数：</translation>
    </message>
    <message>
        <source>Click a bar to open the list behind it.</source>
        <translation>点击柱条可打开其对应的明细列表。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New inspection plan</source>
        <translation>新建抽查计划</translation>
    </message>
    <message>
        <source>Draw and save</source>
        <translation>抽取并保存</translation>
    </message>
    <message>
        <source>e.g. 2026年第四季度食品经营者抽查</source>
        <translation>例如：2026年第四季度食品经营者抽查</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>(choose an agency)</source>
        <translation>（选择执法主体）</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Public: anyone can draw the plan again from it</source>
        <translation>公开：任何人都可以用它重新抽取、核对本计划</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>抽取规模</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>What to check, optional</source>
        <translation>检查事项，可不填</translation>
    </message>
    <message>
        <source>Items to check</source>
        <translation>检查事项</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览抽取</translation>
    </message>
    <message>
        <source>Preview the draw before saving it.</source>
        <translation>保存前请先预览抽取结果。</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Name the plan.</source>
        <translation>请填写计划名称。</translation>
    </message>
    <message>
        <source>Choose the inspecting agency.</source>
        <translation>请选择实施检查的执法主体。</translation>
    </message>
    <message>
        <source>A draw needs a seed.</source>
        <translation>抽取需要随机种子。</translation>
    </message>
    <message>
        <source>The plan ends before it starts.</source>
        <translation>计划的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Preview the draw first: it shows what will be stored.</source>
        <translation>请先预览抽取：预览显示将要保存的内容。</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>正在抽取</translation>
    </message>
    <message>
        <source>{drawn} of {candidates} targets in {field}: {risks}.
Inspectors ({people}): {loads}.</source>
        <translation>从{field}领域 {candidates} 个检查对象中抽取 {drawn} 个：{risks}。
检查人员（{people} 人）：{loads}。</translation>
    </message>
</context>
<context>
    <name>PlanItems</name>
    <message>
        <source>Choose a plan to see its targets and inspectors.</source>
        <translation>选择一个计划，查看抽中的检查对象和检查人员。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>公示日期</translation>
    </message>
    <message>
        <source>{plan} · {agency} · {field} · {start} – {end} · seed {seed} · {drawn} of {candidates}</source>
        <translation>{plan} · {agency} · {field} · {start} – {end} · 种子 {seed} · {candidates} 个中抽取 {drawn} 个</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Inspection plans</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>对象数</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公示</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>Check the draw</source>
        <translation>复核抽取</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>导入检查结果</translation>
    </message>
    <message>
        <source>Export for publication</source>
        <translation>导出公示</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Checking the draw</source>
        <translation>正在复核抽取</translation>
    </message>
    <message>
        <source>Drawing again from the seed gives the same targets and inspectors.</source>
        <translation>用该种子重新抽取，得到相同的检查对象和检查人员。</translation>
    </message>
    <message>
        <source>Drawing again does NOT give the stored plan: {why}</source>
        <translation>重新抽取的结果与已保存的计划不一致：{why}</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing results</source>
        <translation>正在导入检查结果</translation>
    </message>
    <message>
        <source>{count} results written.</source>
        <translation>已写出 {count} 条检查结果。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>No inspection plans yet — import the targets' directory, then draw a plan with 新建.</source>
        <translation>尚无抽查计划——请先导入检查对象名录，再点“新建计划”抽取。</translation>
    </message>
</context>
<context>
    <name>PowerPicker</name>
    <message>
        <source>(no power chosen)</source>
        <translation>（未选择执法事项）</translation>
    </message>
    <message>
        <source>(the agency has no catalogue of powers)</source>
        <translation>（该执法主体尚无执法事项目录）</translation>
    </message>
    <message>
        <source>(no band chosen)</source>
        <translation>（未选择裁量档次）</translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation>不予处罚</translation>
    </message>
    <message>
        <source>; fine {low}–{high} yuan</source>
        <translation>；罚款 {low}–{high} 元</translation>
    </message>
    <message>
        <source>{band} allows: {allowed}</source>
        <translation>{band}档次允许：{allowed}</translation>
    </message>
</context>
<context>
    <name>PowersPage</name>
    <message>
        <source>Powers</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Inspection plans</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <source>Inspection targets</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Case sources</source>
        <translation>案源</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>行政相对人</translation>
    </message>
</context>
<context>
    <name>ProctorDialog</name>
    <message>
        <source>Proctor — {name}</source>
        <translation>监考 — {name}</translation>
    </message>
    <message>
        <source>Paper no.</source>
        <translation>试卷号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>加时</translation>
    </message>
    <message>
        <source>Sitting code: {code}</source>
        <translation>考试码：{code}</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>作答中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已交卷</translation>
    </message>
    <message>
        <source>Adding time</source>
        <translation>正在加时</translation>
    </message>
</context>
<context>
    <name>PublishedTab</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Indicator set</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期间</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Set fingerprint</source>
        <translation>指标体系指纹</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} published</source>
        <translation>共 {n} 次发布</translation>
    </message>
    <message>
        <source>Nothing published yet — compute an assessment on the Assessment tab and publish it.</source>
        <translation>尚无已发布的考核结果 — 在“执法考核”页计算后发布。</translation>
    </message>
    <message>
        <source>No. {id}: {start} to {end} on {name} v{version}, published {at} by {who}.</source>
        <translation>第 {id} 号：{start} 至 {end}，指标体系 {name} v{version}，{who} 于 {at} 发布。</translation>
    </message>
    <message>
        <source>Export the published result</source>
        <translation>导出已发布结果</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>正在写入工作簿</translation>
    </message>
</context>
<context>
    <name>QualificationSettings</name>
    <message>
        <source>Number pattern</source>
        <translation>证号规则</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <source>Valid for (years)</source>
        <translation>有效期（年）</translation>
    </message>
    <message>
        <source>Annual review every (months)</source>
        <translation>年审周期（月）</translation>
    </message>
    <message>
        <source>Warn of expiry (days before)</source>
        <translation>到期提前预警（天）</translation>
    </message>
    <message>
        <source>Warn of a review due (days before)</source>
        <translation>年审提前预警（天）</translation>
    </message>
    <message>
        <source>Training target (hours a year)</source>
        <translation>年度培训目标（学时）</translation>
    </message>
    <message>
        <source>Hours needed to apply (this year)</source>
        <translation>申领所需本年度学时</translation>
    </message>
    <message>
        <source>Warn of short training from</source>
        <translation>学时不足预警起始日</translation>
    </message>
</context>
<context>
    <name>QualificationsPage</name>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>执法证</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>年审</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Verify a card</source>
        <translation>证件验证</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Edit question</source>
        <translation>编辑试题</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新建试题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>Option {letter}</source>
        <translation>选项{letter}</translation>
    </message>
    <message>
        <source>单选题: at least 2 options, 多选题: at least 3, in order from A</source>
        <translation>单选题至少 2 个选项，多选题至少 3 个，从 A 起依次填写</translation>
    </message>
    <message>
        <source>Letters (B, ACD) or 正确/错误</source>
        <translation>选项字母（B、ACD）或 正确/错误</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>e.g. 行政处罚法</source>
        <translation>例如：行政处罚法</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Printed in {count} paper(s): saving makes a new version; the papers keep theirs.</source>
        <translation>已用于 {count} 份试卷：保存将生成新版本，原试卷保持不变。</translation>
    </message>
</context>
<context>
    <name>QuotaChoice</name>
    <message>
        <source>Files per agency</source>
        <translation>每单位抽取（件）</translation>
    </message>
    <message>
        <source>Share of each agency's files</source>
        <translation>按比例抽取</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign a reviewer</source>
        <translation>更换评查员</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Files selected: {count} ({examples}). The old reviewer's open sheets of these files go to the new reviewer; deductions, marks and notes already saved stay on them. A submitted sheet is not moved: reopen it first.</source>
        <translation>已选案卷 {count} 份（{examples}）。原评查员在这些案卷中未提交的评分表改由新评查员评查，已保存的扣分、标记和意见随表保留。已提交的评分表不会更换，须先重新打开。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原评查员</translation>
    </message>
    <message>
        <source>{person} · {agency}</source>
        <translation>{person} · {agency}</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新评查员</translation>
    </message>
    <message>
        <source>e.g. the reviewer is ill; a conflict of interest found</source>
        <translation>例如：评查员生病；发现利害关系</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>No account holds the reviewer role.</source>
        <translation>没有账号具有评查员角色。</translation>
    </message>
    <message>
        <source>Choose another reviewer than the one the sheets are taken from.</source>
        <translation>请选择与原评查员不同的评查员。</translation>
    </message>
    <message>
        <source>Say why the reviewer is changed.</source>
        <translation>请说明更换评查员的理由。</translation>
    </message>
</context>
<context>
    <name>RecheckDetail</name>
    <message>
        <source>Select a recheck to see its history.</source>
        <translation>选择一条复核，查看其全过程。</translation>
    </message>
    <message>
        <source>Assign reviewer…</source>
        <translation>指派复核人…</translation>
    </message>
    <message>
        <source>Recheck…</source>
        <translation>复核…</translation>
    </message>
    <message>
        <source>No recheck to show yet.</source>
        <translation>尚无可查看的复核。</translation>
    </message>
    <message>
        <source>Awaiting assignment</source>
        <translation>待指派</translation>
    </message>
    <message>
        <source>Being rechecked</source>
        <translation>复核中</translation>
    </message>
    <message>
        <source>Rechecked</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Changed to {points} points</source>
        <translation>变更为扣 {points} 分</translation>
    </message>
    <message>
        <source>Changed to {count} occurrence(s)</source>
        <translation>变更为 {count} 处</translation>
    </message>
    <message>
        <source>Upheld {upheld} · Changed {changed}</source>
        <translation>维持 {upheld} · 变更 {changed}</translation>
    </message>
    <message>
        <source>Recheck reviewer {reviewer}, assigned by {who} at {when}</source>
        <translation>复核人 {reviewer}，由 {who} 于 {when} 指派</translation>
    </message>
    <message>
        <source>Assign another reviewer…</source>
        <translation>改派复核人…</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>{who} at {when}</source>
        <translation>{who} 于 {when} 提出</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>No recheck reviewer assigned yet.</source>
        <translation>尚未指派复核人。</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <source>Decided by {who} at {when}</source>
        <translation>{who} 于 {when} 作出</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>尚未作出复核结论。</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>Deducted {taken} by {reviewer}: {note}</source>
        <translation>原扣分 {taken}，评查人 {reviewer}：{note}</translation>
    </message>
    <message>
        <source>Reason given by the agency: {reason}</source>
        <translation>申请理由：{reason}</translation>
    </message>
    <message>
        <source>Ruling: {ruling} — {reason}</source>
        <translation>复核结论：{ruling} — {reason}</translation>
    </message>
    <message>
        <source>Score of the file</source>
        <translation>案卷得分</translation>
    </message>
    <message>
        <source>Before the recheck: {score}</source>
        <translation>复核前：{score}</translation>
    </message>
    <message>
        <source>After the recheck: {score}</source>
        <translation>复核后：{score}</translation>
    </message>
    <message>
        <source>{score} ({grade})</source>
        <translation>{score}（{grade}）</translation>
    </message>
</context>
<context>
    <name>RechecksTab</name>
    <message>
        <source>Rechecks</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Search case number, agency, campaign or person (Ctrl+F)</source>
        <translation>搜索案号、执法主体、评查活动或人员（Ctrl+F）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Recheck reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>争议项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <source>Request recheck</source>
        <translation>申请复核</translation>
    </message>
    <message>
        <source>Assign reviewer</source>
        <translation>指派复核人</translation>
    </message>
    <message>
        <source>Name the reviewer who rechecks the selected request</source>
        <translation>为所选复核申请指派复核人</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Rule on each disputed item of the selected recheck</source>
        <translation>对所选复核申请的每一争议项作出复核结论</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Assign reviewer…</source>
        <translation>指派复核人…</translation>
    </message>
    <message>
        <source>Recheck…</source>
        <translation>复核…</translation>
    </message>
    <message>
        <source>Request a recheck</source>
        <translation>申请复核</translation>
    </message>
    <message>
        <source>No case file can be rechecked today: a recheck may be asked for a scored file after the review feedback reached its agency, until the deadline the feedback gives, once per file.</source>
        <translation>今天没有可以申请复核的案卷：评查结果反馈到本单位后，可在反馈确定的截止日期前对已评分的案卷申请复核，每份案卷限一次。</translation>
    </message>
    <message>
        <source>Reading the file's scores</source>
        <translation>正在读取案卷得分</translation>
    </message>
    <message>
        <source>This recheck is decided.</source>
        <translation>该复核已作出结论。</translation>
    </message>
    <message>
        <source>No recheck reviewer is assigned yet.</source>
        <translation>尚未指派复核人。</translation>
    </message>
    <message>
        <source>This recheck is assigned to {name}.</source>
        <translation>该复核已指派给 {name}。</translation>
    </message>
    <message>
        <source>No recheck matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的复核。</translation>
    </message>
    <message>
        <source>No recheck requests yet: agencies ask for them within the window after the review feedback.</source>
        <translation>尚无复核申请：各执法主体在收到评查反馈后的复核期限内提出。</translation>
    </message>
    <message>
        <source>No recheck requests yet — once the review feedback has reached your agency, you can ask for a recheck of named deductions until its deadline (Ctrl+N).</source>
        <translation>尚无复核申请 — 评查结果反馈到本单位后，可在截止日期前对具体扣分项申请复核（Ctrl+N）</translation>
    </message>
    <message>
        <source>No recheck is assigned to you.</source>
        <translation>没有指派给您的复核。</translation>
    </message>
</context>
<context>
    <name>RecordStageDialog</name>
    <message>
        <source>Record a stage</source>
        <translation>记录办案环节</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处罚决定</translation>
    </message>
    <message>
        <source>Power and band</source>
        <translation>执法事项与裁量档次</translation>
    </message>
    <message>
        <source>Penalty kinds</source>
        <translation>处罚种类</translation>
    </message>
    <message>
        <source>No amount</source>
        <translation>不涉及金额</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>罚没金额</translation>
    </message>
    <message>
        <source>e.g. 《中华人民共和国食品安全法》第一百二十四条</source>
        <translation>例如《中华人民共和国食品安全法》第一百二十四条</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>{category} · recorded: {dates}</source>
        <translation>{category} · 已记录：{dates}</translation>
    </message>
    <message>
        <source>{stage} (recorded {date})</source>
        <translation>{stage}（已记录 {date}）</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen a score</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>Reopen the score</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>{case_no} of {agency}. The reviewer can change the score again; it counts only once it is submitted again.</source>
        <translation>{agency} {case_no}。重新打开后评查人员可以修改评分，再次提交后方才计分。</translation>
    </message>
    <message>
        <source>{reviewer} — {score}</source>
        <translation>{reviewer} — {score}</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>e.g. a deduction was taken under the wrong item</source>
        <translation>例如：扣分项目选错，需要更正</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Say why the score is reopened.</source>
        <translation>请说明重新打开评分的理由。</translation>
    </message>
</context>
<context>
    <name>ReopenWarningDialog</name>
    <message>
        <source>Reopen handling — {case_no}</source>
        <translation>重新打开处置 — {case_no}</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Why the handling does not stand, e.g. the interview record is missing.</source>
        <translation>说明原处置不能成立的理由，例如：缺少约谈记录。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The warning becomes open again; the handling is kept in its history.</source>
        <translation>预警将恢复为未处置；原处置保留在其历史中。</translation>
    </message>
    <message>
        <source>Say why the handling is reopened.</source>
        <translation>请说明重新打开处置的理由。</translation>
    </message>
</context>
<context>
    <name>RequestRecheckDialog</name>
    <message>
        <source>Request a recheck</source>
        <translation>申请复核</translation>
    </message>
    <message>
        <source>Submit recheck request</source>
        <translation>提交复核申请</translation>
    </message>
    <message>
        <source>{case_no} · {agency} · {campaign} — {score} {grade}</source>
        <translation>{case_no} · {agency} · {campaign} — {score} 分 {grade}</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>Deductions to recheck</source>
        <translation>申请复核的扣分项</translation>
    </message>
    <message>
        <source>Recheck requests close on {day}</source>
        <translation>复核申请截止 {day}</translation>
    </message>
    <message>
        <source>Reading the file's deductions…</source>
        <translation>正在读取该案卷的扣分项…</translation>
    </message>
    <message>
        <source>Nothing was deducted on this file.</source>
        <translation>该案卷没有扣分项或否决项。</translation>
    </message>
    <message>
        <source>Say why this deduction should be rechecked.</source>
        <translation>请说明申请复核该项的理由。</translation>
    </message>
    <message>
        <source>Choose a case file.</source>
        <translation>请选择案卷。</translation>
    </message>
    <message>
        <source>Check at least one deduction or veto to dispute.</source>
        <translation>请至少勾选一个申请复核的扣分项或否决项。</translation>
    </message>
    <message>
        <source>Give a reason for every deduction you dispute ({count} missing).</source>
        <translation>每个申请复核的项目都需填写理由（还缺 {count} 项）。</translation>
    </message>
    <message>
        <source>Ask for a recheck of {count} item(s) of {case_no}? The request cannot be changed afterwards.</source>
        <translation>对 {case_no} 的 {count} 项提出复核申请？提交后不能修改。</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Choose a score to see its working.</source>
        <translation>选择一个得分，查看其计算过程。</translation>
    </message>
    <message>
        <source>Value: {value}    Score: {score} of {weight}</source>
        <translation>指标值：{value}    得分：{score}（满分 {weight}）</translation>
    </message>
    <message>
        <source>Numerator: {n}    Denominator: {d}</source>
        <translation>分子：{n}    分母：{d}</translation>
    </message>
    <message>
        <source>Reading the rows behind…</source>
        <translation>正在读取明细…</translation>
    </message>
    <message>
        <source>Rows counted (✓ in the numerator):</source>
        <translation>计入的记录（✓ 计入分子）：</translation>
    </message>
    <message>
        <source>The store has changed since the computation: the rows below give {n} / {d} now. Compute again to update the scores.</source>
        <translation>计算之后数据已有变化：下列明细现为 {n} / {d}。请重新计算以更新得分。</translation>
    </message>
</context>
<context>
    <name>ResultsCharts</name>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>案卷数</translation>
    </message>
    <message>
        <source>Times taken</source>
        <translation>扣分次数</translation>
    </message>
    <message>
        <source>Final scores</source>
        <translation>最终得分分布</translation>
    </message>
    <message>
        <source>Grades per agency</source>
        <translation>各单位等次</translation>
    </message>
    <message>
        <source>Most frequent deductions</source>
        <translation>常见扣分项（前 10）</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Results — {name}</source>
        <translation>成绩 — {name}</translation>
    </message>
    <message>
        <source>Paper no.</source>
        <translation>试卷号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Graded {graded} of {candidates} · mean {mean} · median {median} · standard deviation {sd} · {reliability} · SEM {sem} · pass rate {rate}</source>
        <translation>已评 {graded} / {candidates} 人 · 平均分 {mean} · 中位数 {median} · 标准差 {sd} · {reliability} · 测量标准误 {sem} · 合格率 {rate}</translation>
    </message>
    <message>
        <source>α {alpha}</source>
        <translation>信度 α {alpha}</translation>
    </message>
    <message>
        <source>α per paper ({forms} papers, weighted by candidates) {alpha}</source>
        <translation>按试卷信度 α（{forms} 种试卷，按考生加权）{alpha}</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>No score submitted yet — the charts fill in as the reviewers submit.</source>
        <translation>尚无已提交的评分 — 评查人员提交评分后，图表随之更新。</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Excellent rate</source>
        <translation>优秀率</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>等次分布</translation>
    </message>
    <message>
        <source>Your agency's results show here once the bureau has sent its feedback.</source>
        <translation>司法局发送反馈后，本单位的结果将显示在这里。</translation>
    </message>
    <message>
        <source>The campaign is voided: it counts in no results.</source>
        <translation>评查活动已作废，不计入任何结果。</translation>
    </message>
    <message>
        <source>No file to show.</source>
        <translation>没有可显示的案卷。</translation>
    </message>
    <message>
        <source>Select a campaign to see its results.</source>
        <translation>选择一个评查活动，查看其结果。</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Officer no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留类别</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Why, e.g. 保存期满，未作为证据使用</source>
        <translation>理由，例如：保存期满，未作为证据使用</translation>
    </message>
    <message>
        <source>Propose for deletion</source>
        <translation>提请删除</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Retention passed, not linked to a case</source>
        <translation>保留期已满、未关联案件的文件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提请人</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>提请时间</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Approve and delete…</source>
        <translation>批准并删除…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Deletion lists</source>
        <translation>删除清单</translation>
    </message>
    <message>
        <source>Kept: ordinary {normal} months, important {important} months, evidence {evidence} years after its case closed (never deleted while linked). The longest that applies wins.</source>
        <translation>保留期限：普通 {normal} 个月，重要 {important} 个月，证据为案件办结后 {evidence} 年（关联案件期间不得删除）。适用多个期限时取最长者。</translation>
    </message>
    <message>
        <source>{n} file(s) may be proposed for deletion today ({size:,.1f} MB).</source>
        <translation>今日可提请删除 {n} 个文件（{size:,.1f} MB）。</translation>
    </message>
    <message>
        <source>No file's retention has passed.</source>
        <translation>没有保留期已满的文件。</translation>
    </message>
    <message>
        <source> The oldest {shown} are listed; proposing without a selection takes them all.</source>
        <translation>列出最早的 {shown} 个；不选择文件直接提请时，全部提请。</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>已提请</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Say why the files are to be deleted.</source>
        <translation>请说明删除理由。</translation>
    </message>
    <message>
        <source>Proposing</source>
        <translation>正在提请</translation>
    </message>
    <message>
        <source>Deletion list {id} with {files} file(s) awaits a supervisor's decision.</source>
        <translation>删除清单 {id}（{files} 个文件）已提交，待监督人员审批。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Campaigns</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>My review tasks</source>
        <translation>我的评查</translation>
    </message>
    <message>
        <source>Rechecks</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>评查标准</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>List the certificates due</source>
        <translation>列出应年审的执法证</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>年审到期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Suspend every failed certificate</source>
        <translation>不合格的执法证一并暂停</translation>
    </message>
    <message>
        <source>Record the results…</source>
        <translation>登记年审结果…</translation>
    </message>
    <message>
        <source>Results from a workbook…</source>
        <translation>从工作簿读取结果…</translation>
    </message>
    <message>
        <source>Export the batch…</source>
        <translation>导出本批年审…</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>年审日期</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>{n} certificates due</source>
        <translation>应年审执法证 {n} 个</translation>
    </message>
    <message>
        <source>Record {n} annual reviews ({failed} failed)?</source>
        <translation>登记 {n} 个年审结果（不合格 {failed} 个）？</translation>
    </message>
    <message>
        <source>The {failed} failed certificates will be suspended.</source>
        <translation>不合格的 {failed} 个执法证将被暂停。</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>年审</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Recording the annual reviews</source>
        <translation>正在登记年审结果</translation>
    </message>
    <message>
        <source>{n} annual reviews recorded.</source>
        <translation>已登记 {n} 个年审结果。</translation>
    </message>
    <message>
        <source>Export the batch</source>
        <translation>导出本批年审</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} certificates written to {path}.</source>
        <translation>已将 {n} 个执法证写入 {path}。</translation>
    </message>
    <message>
        <source>Exporting the batch</source>
        <translation>正在导出本批年审</translation>
    </message>
    <message>
        <source>Results from a workbook</source>
        <translation>从工作簿读取年审结果</translation>
    </message>
    <message>
        <source>Reading the results</source>
        <translation>正在读取年审结果</translation>
    </message>
    <message>
        <source>{n} results taken from the workbook.</source>
        <translation>已从工作簿读取 {n} 个结果。</translation>
    </message>
    <message>
        <source>Not in this batch: {numbers}</source>
        <translation>不在本批中：{numbers}</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <source>Fixed deduction</source>
        <translation>固定扣分</translation>
    </message>
    <message>
        <source>Per occurrence</source>
        <translation>每处扣分</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>区间扣分</translation>
    </message>
    <message>
        <source>Full points</source>
        <translation>扣全分</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Fails the file</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Cannot be rated excellent</source>
        <translation>不得评为优秀</translation>
    </message>
</context>
<context>
    <name>ReviewerPicker</name>
    <message>
        <source>Another reviewer's user name</source>
        <translation>其他评查人员的用户名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Listed: the accounts holding the reviewer role. No reviewer is given a file of their own agency.</source>
        <translation>列出的是具有评查员角色的账号。不会把本单位的案卷分给评查人员。</translation>
    </message>
    <message>
        <source>Listed: reviewers of earlier campaigns. Add others by user name; the draw checks that each is an active reviewer. No reviewer is given a file of their own agency.</source>
        <translation>列出的是以往活动的评查人员。其他人员请按用户名添加；抽取时会核对其是否为在用的评查人员。不会把本单位的案卷分给评查人员。</translation>
    </message>
    <message>
        <source>bureau staff</source>
        <translation>本局</translation>
    </message>
</context>
<context>
    <name>RubricModel</name>
    <message>
        <source>Item</source>
        <translation>评查项目</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>扣分标准</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>{points} pts</source>
        <translation>{points}分</translation>
    </message>
    <message>
        <source>−{points} each</source>
        <translation>每处扣{points}</translation>
    </message>
    <message>
        <source>−{min} to {max}</source>
        <translation>扣{min}～{max}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>扣全分</translation>
    </message>
    <message>
        <source>−{points}</source>
        <translation>扣{points}</translation>
    </message>
    <message>
        <source>{points} ×{count}</source>
        <translation>{points}（{count}处）</translation>
    </message>
    <message>
        <source>Nothing left to deduct: deductions stop at the item's points.</source>
        <translation>已扣完：扣分以该项分值为限（扣完为止）。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>说明：{note}</translation>
    </message>
    <message>
        <source>{points} points for each occurrence</source>
        <translation>每处扣 {points} 分</translation>
    </message>
    <message>
        <source>The reviewer chooses {min} to {max} points</source>
        <translation>由评查人员在 {min}–{max} 分之间确定</translation>
    </message>
    <message>
        <source>All the item's points</source>
        <translation>扣该项全部分值</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>扣 {points} 分</translation>
    </message>
</context>
<context>
    <name>RubricProblemsPanel</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON 路径</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{file} was not imported: {count} problem(s) to fix in the file.</source>
        <translation>{file} 未导入：文件中有 {count} 处问题需要修改。</translation>
    </message>
    <message>
        <source>(the whole file)</source>
        <translation>（整个文件）</translation>
    </message>
</context>
<context>
    <name>RubricsTab</name>
    <message>
        <source>Review standards</source>
        <translation>评查标准</translation>
    </message>
    <message>
        <source>Search code, name or case category (Ctrl+F)</source>
        <translation>搜索代码、名称或案件类别（Ctrl+F）</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Every version</source>
        <translation>全部版本</translation>
    </message>
    <message>
        <source>Newest versions</source>
        <translation>仅最新版本</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用类别</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣分项</translation>
    </message>
    <message>
        <source>Vetoes</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Load default standards</source>
        <translation>载入默认标准</translation>
    </message>
    <message>
        <source>Store the standards shipped with the program (to check against your province's before use)</source>
        <translation>存入程序自带的评查标准（使用前请对照本省现行标准核对）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Default — check against your province's standard</source>
        <translation>默认 — 请对照本省现行标准核对</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Used for scoring (locked)</source>
        <translation>已用于评分（锁定）</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>{name} ({code} v{version})</source>
        <translation>{name}（{code} v{version}）</translation>
    </message>
    <message>
        <source>{label}: a new standard, stored.</source>
        <translation>{label}：新标准，已存入。</translation>
    </message>
    <message>
        <source>{label}: the earlier version was used for scoring and stays as it was; the file is stored as this new version.</source>
        <translation>{label}：原版本已用于评分，保持不变；该文件已存为新版本。</translation>
    </message>
    <message>
        <source>{label}: replaced — the earlier content was not used for scoring yet.</source>
        <translation>{label}：已替换 — 原内容尚未用于评分。</translation>
    </message>
    <message>
        <source>{label}: unchanged — the file is the same as the stored standard.</source>
        <translation>{label}：未变化 — 文件与已存的标准相同。</translation>
    </message>
    <message>
        <source>Import a review standard</source>
        <translation>导入评查标准</translation>
    </message>
    <message>
        <source>Review standards (*.json)</source>
        <translation>评查标准 (*.json)</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>正在导入 {file}</translation>
    </message>
    <message>
        <source>Loading the default standards</source>
        <translation>正在载入默认标准</translation>
    </message>
    <message>
        <source>{count} default standard(s):
{lines}

Defaults follow published standards; check them against the standard in force in your province before scoring with them.</source>
        <translation>默认标准 {count} 个：
{lines}

默认标准依据已公开的标准编制，用于评分前请对照本省现行标准核对。</translation>
    </message>
    <message>
        <source>No standard matches the search.</source>
        <translation>没有符合搜索条件的评查标准。</translation>
    </message>
    <message>
        <source>No review standards yet — import a standard file or load the default standards.</source>
        <translation>尚无评查标准 — 导入标准文件或载入默认标准</translation>
    </message>
    <message>
        <source>No review standards yet: a supervisor imports them.</source>
        <translation>尚无评查标准：由监督人员导入。</translation>
    </message>
</context>
<context>
    <name>RulingBox</name>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>{taken} · reviewer {reviewer}: {note}</source>
        <translation>{taken} · 评查人 {reviewer}：{note}</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>原扣分</translation>
    </message>
    <message>
        <source>Agency's reason</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <source>New count</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>New points</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>Why, e.g. pages 1–12 are numbered; the deduction does not apply</source>
        <translation>理由，例如：第1–12页均已编号，该项扣分不成立</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Uphold</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source> occurrence(s)</source>
        <translation> 处</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Uphold, change or withdraw this item.</source>
        <translation>请选择维持、变更或撤销。</translation>
    </message>
    <message>
        <source>That is what was taken: choose Uphold, or another amount.</source>
        <translation>与原扣分相同：请选择“维持”，或填写其他数值。</translation>
    </message>
    <message>
        <source>Give the reason for this ruling.</source>
        <translation>请填写复核理由。</translation>
    </message>
    <message>
        <source>After the recheck: {taken}</source>
        <translation>复核后：{taken}</translation>
    </message>
</context>
<context>
    <name>ScoreHeader</name>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>{deducted} deducted of {total}</source>
        <translation>满分 {total} · 扣 {deducted} 分</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Out of {total}</source>
        <translation>满分 {total}</translation>
    </message>
    <message>
        <source>Submitted {time} by {reviewer}</source>
        <translation>已提交 {time} · 评查人员 {reviewer}</translation>
    </message>
    <message>
        <source>Scoring in progress: every change is saved as it is made</source>
        <translation>评分中：每次修改随即保存</translation>
    </message>
    <message>
        <source>Being scored by {reviewer}</source>
        <translation>{reviewer} 评分中</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>not the top band</source>
        <translation>不得评为最高等次</translation>
    </message>
    <message>
        <source>{veto} ({effect})</source>
        <translation>{veto}（{effect}）</translation>
    </message>
    <message>
        <source>Vetoes: {list}</source>
        <translation>否决项：{list}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ScoringWindow</name>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Opening the score sheet</source>
        <translation>正在打开评分表</translation>
    </message>
    <message>
        <source>Scoring · {case_no} · {agency}</source>
        <translation>评分 · {case_no} · {agency}</translation>
    </message>
    <message>
        <source>The whole file</source>
        <translation>整卷</translation>
    </message>
    <message>
        <source>Every mark on the dossier</source>
        <translation>卷宗上的全部标注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>{points} pts · {deducted} deducted · {left} left · keys 1–{n} take its deductions</source>
        <translation>{points}分 · 已扣 {deducted} 分 · 得分 {left} · 按 1–{n} 扣该项的分</translation>
    </message>
    <message>
        <source>{points} pts · {deducted} deducted</source>
        <translation>{points}分 · 已扣 {deducted} 分</translation>
    </message>
    <message>
        <source>This score sheet is read-only.</source>
        <translation>本评分表为只读。</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Reopen score</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>This score sheet is read-only: no marks can be added.</source>
        <translation>本评分表为只读，不能添加标注。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Opening the score sheet…</source>
        <translation>正在打开评分表…</translation>
    </message>
    <message>
        <source>Submit score (Ctrl+Enter)</source>
        <translation>提交评分（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Next file</source>
        <translation>下一份</translation>
    </message>
    <message>
        <source>Open your next file of this campaign not yet scored</source>
        <translation>打开本次评查活动中您的下一份未评分案卷</translation>
    </message>
    <message>
        <source>Why the score is reopened (recorded)</source>
        <translation>重新打开的理由（记入审计）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>重做（Ctrl+Y）</translation>
    </message>
    <message>
        <source>Keys: 1–9 deduct · Space take/withdraw · +/− occurrences · PgUp/PgDn pages · Ctrl+=/−/0 zoom · F6 dossier/standard · Ctrl+Z/Y undo/redo · Ctrl+Enter submit · point here for all</source>
        <translation>快捷键：1–9 扣分 · 空格 扣分/撤销 · +/− 处数 · PgUp/PgDn 翻页 · Ctrl+=/−/0 缩放 · F6 卷宗/评查标准 · Ctrl+Z/Y 撤销/重做 · Ctrl+Enter 提交 · 指向此处查看全部</translation>
    </message>
    <message>
        <source>take the N-th deduction of the item in focus (again: one more occurrence)</source>
        <translation>扣当前评查项的第 N 个扣分项（再按一次：多一处）</translation>
    </message>
    <message>
        <source>Space / Enter</source>
        <translation>空格 / 回车</translation>
    </message>
    <message>
        <source>take or withdraw the deduction in focus (in the standard)</source>
        <translation>扣除或撤销当前扣分项（在评查标准中）</translation>
    </message>
    <message>
        <source>one occurrence more or less; on a range, half a point</source>
        <translation>增减一处；区间扣分项增减 0.5 分</translation>
    </message>
    <message>
        <source>move in the standard, open and close sections</source>
        <translation>在评查标准中移动，展开或收起</translation>
    </message>
    <message>
        <source>previous / next page of the dossier</source>
        <translation>卷宗上一页 / 下一页</translation>
    </message>
    <message>
        <source>zoom in / out / fit the width</source>
        <translation>放大 / 缩小 / 适合宽度</translation>
    </message>
    <message>
        <source>find in the dossier</source>
        <translation>在卷宗中查找</translation>
    </message>
    <message>
        <source>move between the dossier and the standard</source>
        <translation>在卷宗与评查标准之间切换</translation>
    </message>
    <message>
        <source>delete the mark selected in the list (asks first)</source>
        <translation>删除列表中选中的标注（先确认）</translation>
    </message>
    <message>
        <source>save the note being typed (all else is saved as it is made)</source>
        <translation>保存正在输入的说明（其他修改均已随即保存）</translation>
    </message>
    <message>
        <source>undo / redo the last change to the sheet (saved too)</source>
        <translation>撤销 / 重做对评分表的上一处修改（同样随即保存）</translation>
    </message>
    <message>
        <source>submit the score (asks first)</source>
        <translation>提交评分（先确认）</translation>
    </message>
    <message>
        <source>close the window (everything is already saved)</source>
        <translation>关闭窗口（所有修改均已保存）</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>No text layer</source>
        <translation>无文字层</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{hits} · searching page {done} of {total}</source>
        <translation>{hits} · 正在查找第 {done} / {total} 页</translation>
    </message>
    <message>
        <source>This dossier is scanned: it has no text to search.</source>
        <translation>此案卷为扫描件，没有可供查找的文字。</translation>
    </message>
</context>
<context>
    <name>SetEditorDialog</name>
    <message>
        <source>Indicator sets</source>
        <translation>考核指标体系</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>计算口径</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Scoring rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>Low threshold</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High threshold</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Points per occurrence</source>
        <translation>每次扣分</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>扣分上限</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Versions (newest last)</source>
        <translation>版本（最新在后）</translation>
    </message>
    <message>
        <source>Set name</source>
        <translation>指标体系名称</translation>
    </message>
    <message>
        <source>Saved {at} by {who}.</source>
        <translation>{who} 于 {at} 保存。</translation>
    </message>
    <message>
        <source>Shipped with the program (not stored yet).</source>
        <translation>程序内置（尚未保存到数据库）。</translation>
    </message>
    <message>
        <source>{name} v{version}, {count} indicators.</source>
        <translation>{name} v{version}，共 {count} 项指标。</translation>
    </message>
    <message>
        <source>Fingerprint: {sha}</source>
        <translation>指纹：{sha}</translation>
    </message>
    <message>
        <source>Linear between the thresholds</source>
        <translation>上下限之间线性计分</translation>
    </message>
    <message>
        <source>Points off per occurrence, capped</source>
        <translation>按次扣分（设上限）</translation>
    </message>
    <message>
        <source>Weights: {total} of {full}</source>
        <translation>权重合计：{total} / {full}</translation>
    </message>
    <message>
        <source>Saving the indicator set</source>
        <translation>正在保存指标体系</translation>
    </message>
    <message>
        <source>Unchanged: {name} v{version} stays the newest.</source>
        <translation>未修改：{name} v{version} 仍为最新版本。</translation>
    </message>
    <message>
        <source>Saved as {name} v{version}.</source>
        <translation>已保存为 {name} v{version}。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where this workstation keeps its data. A change takes effect the next time the program starts.</source>
        <translation>本机数据的存储位置。修改后将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Read only: only an administrator may change the store this workstation uses (before a login, the store-problem dialog offers it to anyone).</source>
        <translation>只读：仅管理员可更改本工作站使用的数据库（登录前，数据库故障对话框允许任何人更改）。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Takes effect after the program restarts.</source>
        <translation>重启程序后生效。</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The system keyring is not available, so the password was not kept; the program will ask for it at each start.</source>
        <translation>系统凭据管理器不可用，密码未保存；每次启动时程序将询问密码。</translation>
    </message>
    <message>
        <source>The program uses this store the next time it starts.</source>
        <translation>程序将在下次启动时使用该数据库。</translation>
    </message>
    <message>
        <source>Saved. The program shows {language} after it restarts.</source>
        <translation>已保存。重启程序后界面语言将切换为{language}。</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Kept in the store: every workstation issues numbers and counts warnings with the same settings. Numbers already issued never change.</source>
        <translation>保存在数据库中：各工作站按同一设置编号和预警。已发出的证号不会改变。</translation>
    </message>
    <message>
        <source>{region:6} the region code, {year:4} the year of issue, {seq:5} the running number (zero-padded); any other text is copied.</source>
        <translation>{region:6} 行政区划代码，{year:4} 发证年份，{seq:5} 流水号（前补零）；其他文字照录。</translation>
    </message>
    <message>
        <source>Next number</source>
        <translation>下一个证号</translation>
    </message>
    <message>
        <source>From this day of each year, officers below the training target are warned.</source>
        <translation>每年自该日起，培训学时未达目标的执法人员将被预警。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Read only: your role may not change the qualification settings.</source>
        <translation>只读：您的角色无权修改执法资格设置。</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when}.</source>
        <translation>最近由 {who} 于 {when} 修改。</translation>
    </message>
    <message>
        <source>The defaults; never changed.</source>
        <translation>默认值，从未修改。</translation>
    </message>
    <message>
        <source>Defaults filled in; press Save to use them.</source>
        <translation>已填入默认值；点击“保存”后生效。</translation>
    </message>
    <message>
        <source>Saving the qualification settings</source>
        <translation>正在保存执法资格设置</translation>
    </message>
    <message>
        <source>Saved. New numbers and warnings follow these settings.</source>
        <translation>已保存。此后的编号和预警按此设置。</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>SheetHistory</name>
    <message>
        <source>This score sheet is read-only.</source>
        <translation>本评分表为只读。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的修改。</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>已撤销：{change}</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的修改。</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>已重做：{change}</translation>
    </message>
</context>
<context>
    <name>SheetNote</name>
    <message>
        <source>Review opinion</source>
        <translation>评查意见</translation>
    </message>
    <message>
        <source>The overall opinion on this file (saved as you type)</source>
        <translation>对本案卷的总体评查意见（输入即保存）</translation>
    </message>
</context>
<context>
    <name>SheetUndo</name>
    <message>
        <source>a mark</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>the review opinion</source>
        <translation>评查意见</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SittingCharts</name>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生人数</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>成绩分布</translation>
    </message>
    <message>
        <source>Pass rate per agency</source>
        <translation>各执法主体合格率</translation>
    </message>
</context>
<context>
    <name>SittingsPage</name>
    <message>
        <source>Exam sittings</source>
        <translation>考试场次</translation>
    </message>
    <message>
        <source>Search name (Ctrl+F)</source>
        <translation>搜索名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>生成试卷…</translation>
    </message>
    <message>
        <source>Grade…</source>
        <translation>评卷…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Analysis…</source>
        <translation>试题分析…</translation>
    </message>
    <message>
        <source>Proctor…</source>
        <translation>监考…</translation>
    </message>
    <message>
        <source>On-screen exam…</source>
        <translation>机考…</translation>
    </message>
    <message>
        <source>All sittings</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>Show every sitting again (the dashboard showed one agency's papers)</source>
        <translation>重新显示全部考试场次（驾驶舱只显示了一个单位的试卷）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>及格分</translation>
    </message>
    <message>
        <source>Graded</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Answer sheets</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Grading answer sheets</source>
        <translation>正在评阅答题卡</translation>
    </message>
    <message>
        <source>{count} paper(s) graded, {passed} passed.</source>
        <translation>已评 {count} 份试卷，{passed} 份合格。</translation>
    </message>
    <message>
        <source>Item analysis</source>
        <translation>试题分析</translation>
    </message>
    <message>
        <source>{graded} graded paper(s): mean {mean}, pass rate {rate}. Written to {file}.</source>
        <translation>已评 {graded} 份试卷：平均分 {mean}，合格率 {rate}。已写入 {file}。</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <source>No sittings yet — generate papers from a blueprint.</source>
        <translation>尚无考试场次 — 请根据组卷方案生成试卷。</translation>
    </message>
</context>
<context>
    <name>SmokeTest</name>
    <message>
        <source>The store has accounts: set DESK_USER and DESK_PASSWORD to run the smoke test.</source>
        <translation>数据库中已有账号：请设置 DESK_USER 和 DESK_PASSWORD 后再运行冒烟测试。</translation>
    </message>
    <message>
        <source>Timed out waiting for background work.</source>
        <translation>等待后台任务超时。</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>超时。</translation>
    </message>
    <message>
        <source>Smoke test passed: {count} pages ({pages}) as {user} on {store}.</source>
        <translation>冒烟测试通过：以 {user} 身份在 {store} 上检查了 {count} 个页面（{pages}）。</translation>
    </message>
    <message>
        <source>Smoke test failed: {reason}</source>
        <translation>冒烟测试未通过：{reason}</translation>
    </message>
</context>
<context>
    <name>StageCorrectionDialog</name>
    <message>
        <source>Withdraw a stage</source>
        <translation>撤回环节</translation>
    </message>
    <message>
        <source>Correct a stage date</source>
        <translation>更正环节日期</translation>
    </message>
    <message>
        <source>Corrected date</source>
        <translation>更正后日期</translation>
    </message>
    <message>
        <source>Why (kept in the audit record)</source>
        <translation>理由（记入审计记录）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>{stage}: recorded {date}</source>
        <translation>{stage}：已记录 {date}</translation>
    </message>
    <message>
        <source>{stage} is not recorded.</source>
        <translation>{stage}尚未记录。</translation>
    </message>
    <message>
        <source>Withdraw {stage} ({date}) from {case_no}? Its date is cleared; the reason is kept.</source>
        <translation>撤回 {case_no} 的{stage}（{date}）？该日期将被清除，理由记入审计记录。</translation>
    </message>
</context>
<context>
    <name>StandardTree</name>
    <message>
        <source>Select a standard to read its sections, items, deductions, vetoes and grade bands.</source>
        <translation>选择一个评查标准，查看其评查部分、评查项目、扣分项、否决项和等次。</translation>
    </message>
    <message>
        <source>Default — check it against the standard in force in your province before scoring with it.</source>
        <translation>默认 — 请对照本省现行标准核对后再用于评分。</translation>
    </message>
    <message>
        <source>Used for scoring: it never changes — to amend it, import a new version.</source>
        <translation>已用于评分，修改请导入新版本。</translation>
    </message>
    <message>
        <source>Section, item or deduction</source>
        <translation>评查部分、项目或扣分项</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>扣分方式</translation>
    </message>
    <message>
        <source>No standard to show yet.</source>
        <translation>尚无可查看的评查标准。</translation>
    </message>
    <message>
        <source>{name} ({code} v{version})</source>
        <translation>{name}（{code} v{version}）</translation>
    </message>
    <message>
        <source>Applies to {categories} · total {total} points · imported by {who} at {when}</source>
        <translation>适用于 {categories} · 总分 {total} 分 · {who} 于 {when} 导入</translation>
    </message>
    <message>
        <source>Vetoes</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>Grade bands</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>from {points}</source>
        <translation>{points} 分起</translation>
    </message>
    <message>
        <source>−{points} each</source>
        <translation>每处 −{points}</translation>
    </message>
    <message>
        <source>−{min} to −{max}</source>
        <translation>−{min} 至 −{max}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the store</source>
        <translation>正在打开数据库</translation>
    </message>
    <message>
        <source>The administrator account “{name}” was created. Log in with it.</source>
        <translation>管理员账户“{name}”已创建，请用它登录。</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Edit station</source>
        <translation>编辑采集站</translation>
    </message>
    <message>
        <source>New station</source>
        <translation>新建采集站</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 一号采集站</source>
        <translation>例如 一号采集站</translation>
    </message>
    <message>
        <source>Folder or URL</source>
        <translation>文件夹或网址</translation>
    </message>
    <message>
        <source>An export folder, or http(s):// for a network station</source>
        <translation>导出文件夹，或网络采集站的 http(s):// 地址</translation>
    </message>
    <message>
        <source>File-name pattern</source>
        <translation>文件名规则</translation>
    </message>
    <message>
        <source>Empty: the standard names of FORMATS.md §5</source>
        <translation>留空：使用标准文件名</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>HTTP stations: kept in the system keyring</source>
        <translation>网络采集站：保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Name the station.</source>
        <translation>请填写采集站名称。</translation>
    </message>
    <message>
        <source>Give the station's folder or URL.</source>
        <translation>请填写采集站的文件夹或网址。</translation>
    </message>
    <message>
        <source>Only an HTTP station has a token.</source>
        <translation>只有网络采集站才有令牌。</translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Folder or URL</source>
        <translation>文件夹或网址</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>上次导入</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Map to officer…</source>
        <translation>对应到执法人员…</translation>
    </message>
    <message>
        <source>New station…</source>
        <translation>新建采集站…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Import now</source>
        <translation>立即导入</translation>
    </message>
    <message>
        <source>Import all stations</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Officer and device numbers not yet mapped:</source>
        <translation>尚未对应的警号和设备编号：</translation>
    </message>
    <message>
        <source>Officer no. {number} ({files} files)</source>
        <translation>警号 {number}（{files} 个文件）</translation>
    </message>
    <message>
        <source>Device {number} ({files} files)</source>
        <translation>设备 {number}（{files} 个文件）</translation>
    </message>
    <message>
        <source>Map device to agency…</source>
        <translation>设备对应执法主体…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>{imported} imported, {skipped} skipped, {errors} problem(s)</source>
        <translation>导入 {imported} 个，跳过 {skipped} 个，问题 {errors} 个</translation>
    </message>
    <message>
        <source>Not imported yet</source>
        <translation>尚未导入</translation>
    </message>
    <message>
        <source>No stations yet — add an export folder or an HTTP station.</source>
        <translation>尚无采集站 — 添加导出文件夹或网络采集站。</translation>
    </message>
    <message>
        <source>{name} answers: {n} file(s) on offer.</source>
        <translation>{name} 已连通：可导入 {n} 个文件。</translation>
    </message>
    <message>
        <source>Testing {name}</source>
        <translation>正在测试 {name}</translation>
    </message>
    <message>
        <source>The last import left nothing unresolved.</source>
        <translation>上次导入没有遗留问题。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Local SQLite: {path}</source>
        <translation>本地 SQLite 数据库：{path}</translation>
    </message>
    <message>
        <source>Central PostgreSQL: {server}</source>
        <translation>中心 PostgreSQL 服务器：{server}</translation>
    </message>
</context>
<context>
    <name>StorePasswordDialog</name>
    <message>
        <source>Server password</source>
        <translation>服务器密码</translation>
    </message>
    <message>
        <source>Enter the password of {user} on the county's server {server}.</source>
        <translation>请输入用户 {user} 在本县服务器 {server} 上的密码。</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>保存到系统凭据管理器</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The system keyring is not available on this workstation, so the password cannot be remembered; it will be asked for at each start.</source>
        <translation>本机系统凭据管理器不可用，无法记住密码，每次启动时将询问密码。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <source>The store cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The program cannot open its store.</source>
        <translation>程序无法打开数据库。</translation>
    </message>
    <message>
        <source>Store: {where}</source>
        <translation>数据库：{where}</translation>
    </message>
    <message>
        <source>Install the newer version of the program, or choose another store in the connection settings.</source>
        <translation>请安装新版本程序，或在连接设置中选择其他数据库。</translation>
    </message>
    <message>
        <source>Enter the server's password in the connection settings.</source>
        <translation>请在连接设置中输入服务器密码。</translation>
    </message>
    <message>
        <source>Check that the server is running and can be reached from this workstation (or that no other program holds the file), then retry — or change the connection settings.</source>
        <translation>请确认服务器正在运行且本机可以访问（或数据库文件未被其他程序占用）后重试，也可以修改连接设置。</translation>
    </message>
    <message>
        <source>Connection settings…</source>
        <translation>连接设置…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SubmitMixin</name>
    <message>
        <source>Everything is saved.</source>
        <translation>所有修改均已保存。</translation>
    </message>
    <message>
        <source>Submit the score of {case_no} ({agency}): {total} points, {grade}?
A submitted score is locked; only a supervisor can reopen it.</source>
        <translation>提交 {case_no}（{agency}）的评分：{total} 分，{grade}？
提交后评分即锁定，只有执法监督员可以重新打开。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>{count} deductions have neither a mark nor a note:</source>
        <translation>以下 {count} 个扣分项既无卷宗标注也无说明：</translation>
    </message>
    <message>
        <source>Submit score</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <source>Say why the score is reopened.</source>
        <translation>请说明重新打开评分的理由。</translation>
    </message>
    <message>
        <source>Reopen the score of {case_no} by {reviewer}? They can change it again; the reason is recorded.</source>
        <translation>重新打开 {reviewer} 对 {case_no} 的评分？评查人员可以再次修改，理由将记入审计记录。</translation>
    </message>
    <message>
        <source>Reopen score</source>
        <translation>重新打开评分</translation>
    </message>
    <message>
        <source>Every file assigned to you in this campaign is scored.</source>
        <translation>本次评查活动分配给您的案卷均已评分。</translation>
    </message>
    <message>
        <source>Next file</source>
        <translation>下一份</translation>
    </message>
</context>
<context>
    <name>SuspensionDialog</name>
    <message>
        <source>End a suspension</source>
        <translation>结束中止计算</translation>
    </message>
    <message>
        <source>Suspend the time limit</source>
        <translation>中止计算期间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>期间类型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Leave empty while the period runs (Delete: empty)</source>
        <translation>期间尚未结束时留空（按 Delete 键清空）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>e.g. 样品送省质检院检测, optional</source>
        <translation>如：样品送省质检院检测，可不填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>{kind} · from {start}, still running</source>
        <translation>{kind} · {start} 起，尚未结束</translation>
    </message>
    <message>
        <source>{kind} · {start} to {end}</source>
        <translation>{kind} · {start} 至 {end}</translation>
    </message>
    <message>
        <source>{period} ({note})</source>
        <translation>{period}（{note}）</translation>
    </message>
    <message>
        <source>{category} · filed {date}. The days of the period do not count towards the deadlines.</source>
        <translation>{category} · {date} 立案。该期间的天数不计入期限。</translation>
    </message>
    <message>
        <source>{count} periods are running: choose the one that ended.</source>
        <translation>有 {count} 个期间尚未结束，请选择已结束的一个。</translation>
    </message>
    <message>
        <source>A {kind} does not stop the {measures} time limit; only 检测 and 鉴定 do.</source>
        <translation>{kind}期间不停止计算{measures}期限，只有检测、鉴定期间不计入。</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Inspection targets</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Search name or credit code (Ctrl+F)</source>
        <translation>搜索名称或统一社会信用代码（Ctrl+F）</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>所属领域</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Import inspection targets</source>
        <translation>导入检查对象</translation>
    </message>
    <message>
        <source>Importing inspection targets</source>
        <translation>正在导入检查对象</translation>
    </message>
    <message>
        <source>Export inspection targets</source>
        <translation>导出检查对象</translation>
    </message>
    <message>
        <source>Exporting inspection targets</source>
        <translation>正在导出检查对象</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No target matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的检查对象。</translation>
    </message>
    <message>
        <source>No inspection targets yet — import the directory (检查对象名录, FORMATS.md §11).</source>
        <translation>尚无检查对象——请导入检查对象名录。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{label} ({done} of {total})</source>
        <translation>{label}（{done} / {total}）</translation>
    </message>
    <message>
        <source>{label} ({done})</source>
        <translation>{label}（{done}）</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>My reviews</source>
        <translation>我的评查</translation>
    </message>
    <message>
        <source>Search case number, agency, cause or campaign (Ctrl+F)</source>
        <translation>搜索案号、执法主体、案由或评查活动（Ctrl+F）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>评查活动</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>卷宗</translation>
    </message>
    <message>
        <source>Current score</source>
        <translation>当前得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Start scoring</source>
        <translation>开始评分</translation>
    </message>
    <message>
        <source>Open the selected file in the scoring workspace (Enter)</source>
        <translation>在评分工作台中打开所选案卷（Enter）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open in the scoring workspace</source>
        <translation>在评分工作台中打开</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>View score</source>
        <translation>查看评分</translation>
    </message>
    <message>
        <source>To score {waiting} · Submitted {submitted}</source>
        <translation>待评 {waiting} · 已提交 {submitted}</translation>
    </message>
    <message>
        <source>Your role does not score case files.</source>
        <translation>您的角色不参与案卷评分。</translation>
    </message>
    <message>
        <source>No case files are assigned to you for review.</source>
        <translation>没有分配给您的评查案卷</translation>
    </message>
    <message>
        <source>No file matches the search.</source>
        <translation>没有符合搜索条件的案卷。</translation>
    </message>
    <message>
        <source>Every file assigned to you is submitted — choose All to see them.</source>
        <translation>分配给您的案卷均已提交 — 选择“全部”可查看。</translation>
    </message>
    <message>
        <source>No submitted score sheet yet.</source>
        <translation>尚无已提交的评分表。</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Correct or withdraw {stage}</source>
        <translation>更正或撤回{stage}</translation>
    </message>
    <message>
        <source>Correct the date…</source>
        <translation>更正日期…</translation>
    </message>
    <message>
        <source>Correct the date of {stage}</source>
        <translation>更正{stage}日期</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Withdraw {stage}: recorded by mistake</source>
        <translation>撤回误录的{stage}</translation>
    </message>
    <message>
        <source>{status} · {days} days</source>
        <translation>{status} {days} 天</translation>
    </message>
    <message>
        <source>{status} · {days} days left</source>
        <translation>{status} · 还剩 {days} 天</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>By officer</source>
        <translation>按人员</translation>
    </message>
    <message>
        <source>By agency</source>
        <translation>按单位</translation>
    </message>
    <message>
        <source>Only those below the target</source>
        <translation>只看学时不足的</translation>
    </message>
    <message>
        <source>Record a course…</source>
        <translation>登记课程…</translation>
    </message>
    <message>
        <source>Import attendance…</source>
        <translation>导入培训记录…</translation>
    </message>
    <message>
        <source>Export the ledger…</source>
        <translation>导出培训台账…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标学时</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>总学时</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>人均学时</translation>
    </message>
    <message>
        <source>Reached the target</source>
        <translation>达标人数</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>未达标人数</translation>
    </message>
    <message>
        <source>Below the target</source>
        <translation>学时不足</translation>
    </message>
    <message>
        <source>{n} officers, {short} below the target</source>
        <translation>共 {n} 人，学时不足 {short} 人</translation>
    </message>
    <message>
        <source>{agencies} agencies, {n} officers, {short} below the target of {target} hours</source>
        <translation>{agencies} 个单位，{n} 人，{short} 人未达到 {target} 学时</translation>
    </message>
    <message>
        <source>Course recorded: {imported} attendances, {skipped} already there.</source>
        <translation>课程已登记：新增参训记录 {imported} 条，已有 {skipped} 条。</translation>
    </message>
    <message>
        <source>Recording the course</source>
        <translation>正在登记课程</translation>
    </message>
    <message>
        <source>Import attendance</source>
        <translation>导入培训记录</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Imported {imported}, skipped {skipped}.</source>
        <translation>导入 {imported} 条，跳过 {skipped} 条。</translation>
    </message>
    <message>
        <source>Importing attendance</source>
        <translation>正在导入培训记录</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出培训台账</translation>
    </message>
    <message>
        <source>{n} attendances written to {path}.</source>
        <translation>已将 {n} 条培训记录写入 {path}。</translation>
    </message>
    <message>
        <source>Exporting the ledger</source>
        <translation>正在导出培训台账</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Search user name or display name (Ctrl+F)</source>
        <translation>搜索用户名或姓名（Ctrl+F）</translation>
    </message>
    <message>
        <source>No account matches the search or filter.</source>
        <translation>没有符合搜索或筛选条件的账号。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>{name} has a new password; any lock is lifted.</source>
        <translation>已为 {name} 重置密码，账号锁定（如有）已解除。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <source>Scan the card's QR code or paste its text, then press Enter</source>
        <translation>扫描证件二维码或粘贴其内容，然后按回车</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>A card's QR code carries a payload signed with the bureau's key.</source>
        <translation>执法证二维码中的内容由本局密钥签名。</translation>
    </message>
    <message>
        <source>No card key has been made yet (the first card makes one).</source>
        <translation>尚未生成证件密钥（制作第一张证件时生成）。</translation>
    </message>
    <message>
        <source>Public key {id} (Ed25519): {key}</source>
        <translation>公钥 {id}（Ed25519）：{key}</translation>
    </message>
    <message>
        <source>Not genuine: {reason}</source>
        <translation>验证未通过：{reason}</translation>
    </message>
    <message>
        <source>Genuine card {number}: {officer}, {agency}. State on {date}: {state}.</source>
        <translation>证件真实 {number}：{officer}，{agency}。{date} 的状态：{state}。</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>VetoPanel</name>
    <message>
        <source>Vetoes</source>
        <translation>否决项</translation>
    </message>
    <message>
        <source>the file fails whatever its points</source>
        <translation>不论得分多少，案卷为不合格</translation>
    </message>
    <message>
        <source>the file cannot be graded in the top band</source>
        <translation>案卷不得评为最高等次</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter (Ctrl+G)</source>
        <translation>页码：输入后按回车跳转（Ctrl+G）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+wheel, Ctrl+= and Ctrl+-)</source>
        <translation>缩放比例（Ctrl+滚轮、Ctrl+= 和 Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Show or hide the page thumbnails</source>
        <translation>显示或隐藏页面缩略图</translation>
    </message>
    <message>
        <source>Draw a box around what to mark (Esc to stop)</source>
        <translation>框出要标记的区域（按 Esc 退出）</translation>
    </message>
    <message>
        <source>Mark area</source>
        <translation>框选标记</translation>
    </message>
    <message>
        <source>Mark text</source>
        <translation>文字标记</translation>
    </message>
    <message>
        <source>Select the words to mark (Esc to stop)</source>
        <translation>选取要标记的文字（按 Esc 退出）</translation>
    </message>
    <message>
        <source>Find in dossier (Ctrl+F)</source>
        <translation>在案卷中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一处（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一处（F3）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>停止查找</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void the campaign</source>
        <translation>作废评查活动</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>{name}: {files} files drawn with seed {seed}. A campaign can be voided only before any file has a score saved. It stays on record, greyed, with this reason; its draw can still be verified, and it counts in no results or statistics.</source>
        <translation>{name}：以种子 {seed} 抽取案卷 {files} 份。评查活动只能在尚无任何案卷保存评分时作废。作废后活动仍留存记录（灰色显示）并附理由，抽取结果仍可验证，但不计入任何结果和统计。</translation>
    </message>
    <message>
        <source>e.g. the scope was set wrongly; drawn again as …</source>
        <translation>例如：抽取范围设置错误，已重新抽取为……</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Say why the campaign is voided.</source>
        <translation>请说明作废理由。</translation>
    </message>
    <message>
        <source>Void {name}? Its {files} files will not be scored. This cannot be undone.</source>
        <translation>作废 {name}？其 {files} 份案卷将不再评分，且无法撤销。</translation>
    </message>
</context>
<context>
    <name>WarningAttachment</name>
    <message>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>No program on this computer opens {path}.</source>
        <translation>本机没有可以打开 {path} 的程序。</translation>
    </message>
</context>
<context>
    <name>WarningCountGrid</name>
    <message>
        <source>No warnings: every case on the register is within its limits.</source>
        <translation>没有预警：台账上的案件均在期限和规定之内。</translation>
    </message>
    <message>
        <source>Each cell: not handled, then (handled) when some are. Click a number to list those warnings; click an agency or a total for all of its warnings.</source>
        <translation>每格：未处置数，有已处置的再加（已处置数）。点击数字列出这些预警；点击执法主体或合计列出其全部预警。</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>{title} ({level})</source>
        <translation>{title}（{level}）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{agency}: click to list all of its warnings</source>
        <translation>{agency}：点击列出其全部预警</translation>
    </message>
    <message>
        <source>Click to list every warning</source>
        <translation>点击列出全部预警</translation>
    </message>
    <message>
        <source>All agencies · {title}</source>
        <translation>全部执法主体 · {title}</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>{what}: {open} not handled, {handled} handled</source>
        <translation>{what}：未处置 {open}，已处置 {handled}</translation>
    </message>
</context>
<context>
    <name>WarningDetail</name>
    <message>
        <source>Select a warning to see the case and its deadlines.</source>
        <translation>选择一条预警，查看案件及其期限。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Mark handled…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <source>Your role may not handle warnings.</source>
        <translation>您的角色无权处置预警。</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Undo the handling, with a reason: the warning is open again.</source>
        <translation>说明理由撤销处置：预警恢复为未处置。</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Change handling…</source>
        <translation>修改处置…</translation>
    </message>
    <message>
        <source>Open certificate</source>
        <translation>打开执法证</translation>
    </message>
    <message>
        <source>Handled by {who} at {when}:
{note}</source>
        <translation>{who} 于 {when} 处置：
{note}</translation>
    </message>
    <message>
        <source>{kind}. {text}</source>
        <translation>{kind}。{text}</translation>
    </message>
    <message>
        <source>Follow up by {date}</source>
        <translation>跟进日期：{date}</translation>
    </message>
    <message>
        <source>Not handled. {reopened}
The handling reopened, by {who}: {note}</source>
        <translation>未处置。{reopened}
被重新打开的处置（{who}）：{note}</translation>
    </message>
    <message>
        <source>Not handled</source>
        <translation>未处置</translation>
    </message>
</context>
<context>
    <name>WarningTitles</name>
    <message>
        <source>Decision overdue</source>
        <translation>办案超期</translation>
    </message>
    <message>
        <source>Decision due soon</source>
        <translation>办案临期</translation>
    </message>
    <message>
        <source>Service overdue</source>
        <translation>送达超期</translation>
    </message>
    <message>
        <source>Publication overdue</source>
        <translation>公示超期</translation>
    </message>
    <message>
        <source>Seizure overdue</source>
        <translation>查扣超期</translation>
    </message>
    <message>
        <source>Under two officers</source>
        <translation>少于2人</translation>
    </message>
    <message>
        <source>Uncertified officer</source>
        <translation>无证执法</translation>
    </message>
    <message>
        <source>No legal review</source>
        <translation>未法制审核</translation>
    </message>
    <message>
        <source>Summary over limit</source>
        <translation>简易程序超额</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>处置跟进到期</translation>
    </message>
    <message>
        <source>No footage</source>
        <translation>缺音像</translation>
    </message>
    <message>
        <source>Power not held</source>
        <translation>无此事项</translation>
    </message>
    <message>
        <source>Outside band</source>
        <translation>超出裁量</translation>
    </message>
    <message>
        <source>No power</source>
        <translation>缺执法事项</translation>
    </message>
    <message>
        <source>Lenient repeat</source>
        <translation>重犯从轻</translation>
    </message>
    <message>
        <source>Result unpublished</source>
        <translation>结果未公示</translation>
    </message>
    <message>
        <source>Lead undecided</source>
        <translation>案源未处理</translation>
    </message>
    <message>
        <source>Certificate expiring</source>
        <translation>证件到期</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>年审到期</translation>
    </message>
    <message>
        <source>Invalid on a case</source>
        <translation>无证办案</translation>
    </message>
    <message>
        <source>Training short</source>
        <translation>学时不足</translation>
    </message>
    <message>
        <source>{who} {when}: {note}</source>
        <translation>{who} {when}：{note}</translation>
    </message>
    <message>
        <source>Reopened by {who} {when}: {reason}</source>
        <translation>{who} {when} 重新打开：{reason}</translation>
    </message>
    <message>
        <source>follow up by {date}</source>
        <translation>跟进日期 {date}</translation>
    </message>
    <message>
        <source>Not handled</source>
        <translation>未处置</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>Handled or not</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Warnings</source>
        <translation>预警中心</translation>
    </message>
    <message>
        <source>Search case number, party or cause (Ctrl+F)</source>
        <translation>搜索案号、当事人或案由 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>执法主体</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Cases or officers</source>
        <translation>案件或人员</translation>
    </message>
    <message>
        <source>All warnings</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Handled or not</source>
        <translation>处置状态</translation>
    </message>
    <message>
        <source>Mark handled…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Your role may not handle warnings.</source>
        <translation>您的角色无权处置预警。</translation>
    </message>
    <message>
        <source>Handle the selected warnings (Ctrl or Shift + click to select several).</source>
        <translation>处置选中的预警（按住 Ctrl 或 Shift 点击可多选）。</translation>
    </message>
    <message>
        <source>Warnings as of {date}</source>
        <translation>预警截至 {date}</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>全部执法主体</translation>
    </message>
    <message>
        <source>Open the officer's certificate</source>
        <translation>打开该执法人员的执法证</translation>
    </message>
    <message>
        <source>Reading the case</source>
        <translation>正在读取案件</translation>
    </message>
    <message>
        <source>Mark {count} handled…</source>
        <translation>处置 {count} 条…</translation>
    </message>
    <message>
        <source>Cases and officers</source>
        <translation>案件和人员</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Officers' certificates</source>
        <translation>人员证件</translation>
    </message>
    <message>
        <source>The {year} holiday schedule is not loaded: deadlines in {year} count weekends only. An administrator can add that year's holidays in Settings › Work calendar.</source>
        <translation>{year} 年节假日安排未载入：{year} 年的期限只按周末计算。管理员可在“设置 › 工作日历”中添加该年的节假日。</translation>
    </message>
    <message>
        <source>It affects: {warnings}.</source>
        <translation>受影响的预警：{warnings}。</translation>
    </message>
    <message>
        <source>No warning matches the search or filters.</source>
        <translation>没有符合搜索或筛选条件的预警。</translation>
    </message>
    <message>
        <source>No warning has been handled yet.</source>
        <translation>尚无已处置的预警。</translation>
    </message>
    <message>
        <source>No warnings: every case on the register is within its limits.</source>
        <translation>没有预警：台账上的案件均在期限和规定之内。</translation>
    </message>
    <message>
        <source>No warnings to handle: every open case is within its limits.</source>
        <translation>没有待处置的预警：在办案件均在期限和规定之内。</translation>
    </message>
</context>
<context>
    <name>WeightChoice</name>
    <message>
        <source>Two reviewers score each file</source>
        <translation>双人评分</translation>
    </message>
    <message>
        <source>The first score's weight; the second takes the rest</source>
        <translation>第一评分的权重；第二评分取其余</translation>
    </message>
    <message>
        <source>First score</source>
        <translation>第一评分</translation>
    </message>
</context>
<context>
    <name>WorkbookFlow</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Imported {imported}, skipped {skipped} (already present).</source>
        <translation>已导入 {imported} 条，跳过 {skipped} 条（已存在且无变化）。</translation>
    </message>
    <message>
        <source>Changed {updated} known record(s): {fields}.</source>
        <translation>更新已有记录 {updated} 条，变更的列：{fields}。</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>Save an empty import workbook with its column headers and a sheet explaining them</source>
        <translation>保存空白的导入工作簿：含各列表头和填写说明</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>{format} template.xlsx</source>
        <translation>{format}模板.xlsx</translation>
    </message>
    <message>
        <source>Saved {path}.
Fill in one row per record under the headers (red ones are required; the sheet 填写说明 explains each column), then use Import.</source>
        <translation>已保存 {path}。
请在表头下每行填写一条记录（红色表头为必填列，“填写说明”表解释了每一列），然后点击“导入”。</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}.</source>
        <translation>已导出 {count} 行至 {path}。</translation>
    </message>
</context>
<context>
    <name>YearCalendar</name>
    <message>
        <source>day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>worked</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>周末</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>card signing key {id}</source>
        <translation>证件签名密钥 {id}</translation>
    </message>
    <message>
        <source>{n} training records</source>
        <translation>培训记录 {n} 条</translation>
    </message>
    <message>
        <source>{n} officers' photos</source>
        <translation>{n} 名执法人员的照片</translation>
    </message>
</context>
<context>
    <name>certs</name>
    <message>
        <source>Application</source>
        <translation>申领</translation>
    </message>
    <message>
        <source>Vetting</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发证</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>年审</translation>
    </message>
    <message>
        <source>Suspension</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Restoration</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>换发</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>not yet applied for</source>
        <translation>尚未申领</translation>
    </message>
    <message>
        <source>applied for</source>
        <translation>申领中</translation>
    </message>
    <message>
        <source>approved, not yet issued</source>
        <translation>审核通过，尚未发证</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>审核不通过</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>superseded by a new number</source>
        <translation>已换发或补发（旧证号作废）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>{file} sheet {sheet} row {row} column {column}: {message}</source>
        <translation>{file} 工作表“{sheet}”第 {row} 行【{column}】：{message}</translation>
    </message>
    <message>
        <source>Imported {imported}, skipped {skipped} (already present).</source>
        <translation>已导入 {imported} 条，跳过 {skipped} 条（已存在且无变化）。</translation>
    </message>
    <message>
        <source>Changed {updated} known record(s): {fields}.</source>
        <translation>更新已有记录 {updated} 条，变更的列：{fields}。</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
        <source>Store {store} is at schema {revision}.</source>
        <translation>数据库 {store} 的数据结构版本为 {revision}。</translation>
    </message>
    <message>
        <source>Administrator {name} created.</source>
        <translation>已创建管理员 {name}。</translation>
    </message>
    <message>
        <source>Default review standards installed: {codes}.</source>
        <translation>已载入默认评查标准：{codes}。</translation>
    </message>
    <message>
        <source>Account {name} ({role}) created.</source>
        <translation>已创建账号 {name}（{role}）。</translation>
    </message>
    <message>
        <source>No anchor files in {folder}: nothing was proven.</source>
        <translation>{folder} 中没有锚点文件：未能证明任何内容。</translation>
    </message>
    <message>
        <source>Anchor {file} fails: {reason}.</source>
        <translation>锚点 {file} 未通过：{reason}。</translation>
    </message>
    <message>
        <source>Changed outside the program: {entity} {id} is gone (record {record}).</source>
        <translation>在本程序之外被修改：{entity} {id} 已不存在（审计记录 {record}）。</translation>
    </message>
    <message>
        <source>Changed outside the program: {entity} {id} is back though deleted (record {record}).</source>
        <translation>在本程序之外被修改：{entity} {id} 已删除却仍然存在（审计记录 {record}）。</translation>
    </message>
    <message>
        <source>Changed outside the program: {entity} {id} {field} is {current}, the record says {recorded} (record {record}).</source>
        <translation>在本程序之外被修改：{entity} {id} 的 {field} 现为 {current}，审计记录为 {recorded}（审计记录 {record}）。</translation>
    </message>
    <message>
        <source>Audit anchor written to {file}:</source>
        <translation>审计锚点已写入 {file}：</translation>
    </message>
    <message>
        <source>Note: the holidays of {years} are not loaded; deadlines in those years count weekends only (update the chinese-calendar package or add local overrides).</source>
        <translation>注意：{years} 年节假日安排未载入，这些年份的期限仅按周末计算（请更新 chinese-calendar 组件或在设置中添加本地调整）。</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>Audit record intact: {n} records checked.</source>
        <translation>审计记录完整：已校验 {n} 条。</translation>
    </message>
    <message>
        <source>Anchors: {held} of {n} still held by the chain.</source>
        <translation>锚点：{n} 个中有 {held} 个仍在哈希链中。</translation>
    </message>
    <message>
        <source>Data rows: every audited row matches the record.</source>
        <translation>数据行：每条经审计的记录都与审计记录一致。</translation>
    </message>
    <message>
        <source>Audit record {id} is broken: {reason}.</source>
        <translation>第 {id} 条审计记录校验失败：{reason}。</translation>
    </message>
    <message>
        <source>Demo county: {agencies} agencies, {officers} officers and {accounts} accounts added.</source>
        <translation>示范县数据：新增执法主体 {agencies} 个、执法人员 {officers} 名、账号 {accounts} 个。</translation>
    </message>
    <message>
        <source>Demo cases: {cases} cases and {dossiers} dossier PDFs added.</source>
        <translation>示范案件：新增案件 {cases} 件、卷宗 PDF {dossiers} 份。</translation>
    </message>
    <message>
        <source>Demo review campaigns added: {n}.</source>
        <translation>演示评查活动：新增 {n} 项。</translation>
    </message>
    <message>
        <source>Demo bank questions added: {n}.</source>
        <translation>已添加示范题库试题：{n} 道。</translation>
    </message>
    <message>
        <source>Demo footage files imported: {n}.</source>
        <translation>演示音像文件已导入：{n} 个。</translation>
    </message>
    <message>
        <source>Demo accounts {names} have the password {password}.</source>
        <translation>示范账号 {names} 的密码均为 {password}。</translation>
    </message>
    <message>
        <source>{outcome}: {code} v{version} {name}</source>
        <translation>{outcome}：{code} 第 {version} 版 {name}</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Imported as a new version (the old one scored files)</source>
        <translation>已作为新版本导入（原版本已用于评分）</translation>
    </message>
    <message>
        <source>Replaced (no file was scored with it)</source>
        <translation>已替换（尚无案卷按其评分）</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>review draw needs {flags}.</source>
        <translation>review draw 需要 {flags}。</translation>
    </message>
    <message>
        <source>--weights must be two percentages adding up to 100, like 50/50.</source>
        <translation>--weights 须为合计 100 的两个百分数，如 50/50。</translation>
    </message>
    <message>
        <source>Campaign {name}: seed {seed}, {n} eligible files, fingerprint {sha}</source>
        <translation>评查活动 {name}：种子 {seed}，可抽案卷 {n} 件，指纹 {sha}</translation>
    </message>
    <message>
        <source>The draw matches: the seed gives exactly the stored files.</source>
        <translation>抽取一致：按该种子重新抽取，结果与保存的案卷完全相同。</translation>
    </message>
    <message>
        <source>The draw does NOT match the seed and the stored population.</source>
        <translation>抽取不一致：按种子和保存的总体重新抽取，结果与保存的案卷不同。</translation>
    </message>
    <message>
        <source>The register still gives the same population.</source>
        <translation>案件登记中的可抽总体与抽取时相同。</translation>
    </message>
    <message>
        <source>The register changed since the draw: {added} files added, {removed} removed.</source>
        <translation>抽取后案件登记已变化：新增 {added} 件，减少 {removed} 件。</translation>
    </message>
    <message>
        <source>Wrote {n} files to {out}.</source>
        <translation>已将 {n} 件案卷的结果写入 {out}。</translation>
    </message>
    <message>
        <source>Rest days ({n}): {days}</source>
        <translation>放假日（{n} 天）：{days}</translation>
    </message>
    <message>
        <source>Worked weekend days ({n}): {days}</source>
        <translation>调休上班日（{n} 天）：{days}</translation>
    </message>
    <message>
        <source>The {year} schedule is stored in the local calendar.</source>
        <translation>{year} 年节假日安排已保存到本地工作日历。</translation>
    </message>
    <message>
        <source>The {year} schedule was read (dry run): nothing was stored.</source>
        <translation>已读出 {year} 年节假日安排（试运行）：未保存任何内容。</translation>
    </message>
    <message>
        <source>{count} question(s) written to {file}.</source>
        <translation>已将 {count} 道试题写入 {file}。</translation>
    </message>
    <message>
        <source>The bank can fill this blueprint.</source>
        <translation>题库可以满足该组卷方案。</translation>
    </message>
    <message>
        <source>Sitting {id}: {count} paper(s) written to {out}.</source>
        <translation>考试场次 {id}：已将 {count} 份试卷写入 {out}。</translation>
    </message>
    <message>
        <source>{graded} graded paper(s): mean {mean}, median {median}, pass rate {rate}. Written to {file}.</source>
        <translation>已评 {graded} 份试卷：平均分 {mean}，中位数 {median}，合格率 {rate}。已写入 {file}。</translation>
    </message>
    <message>
        <source>Card written: {path}</source>
        <translation>证件已写入：{path}</translation>
    </message>
    <message>
        <source>{n} cards on {pages} pages written: {path}</source>
        <translation>已生成 {n} 张证卡，共 {pages} 页：{path}</translation>
    </message>
    <message>
        <source>Photos stored: {imported}, unchanged: {skipped}.</source>
        <translation>已保存照片 {imported} 张，未变化 {skipped} 张。</translation>
    </message>
    <message>
        <source>No officer has these ID numbers: {names}</source>
        <translation>以下文件名没有对应的执法人员：{names}</translation>
    </message>
    <message>
        <source>Not genuine: {reason}</source>
        <translation>验证未通过：{reason}</translation>
    </message>
    <message>
        <source>Imported {imported}, skipped {skipped} (already stored), {errors} error(s).</source>
        <translation>导入 {imported} 个，跳过 {skipped} 个（已存储），错误 {errors} 个。</translation>
    </message>
    <message>
        <source>Numbers to map: officers {officers}; devices {devices}.</source>
        <translation>待对应编号：警号 {officers}；设备 {devices}。</translation>
    </message>
    <message>
        <source>{station}: imported {imported}, skipped {skipped} (already stored), {errors} error(s).</source>
        <translation>{station}：导入 {imported} 个，跳过 {skipped} 个（已存储），{errors} 个错误。</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>被改动</translation>
    </message>
    <message>
        <source>stored but not recorded</source>
        <translation>已存储但未登记</translation>
    </message>
    <message>
        <source>{checked} file(s) checked: {state}.</source>
        <translation>已校验 {checked} 个文件：{state}。</translation>
    </message>
    <message>
        <source>all intact</source>
        <translation>全部完好</translation>
    </message>
    <message>
        <source>problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>{sha256} linked to {case_no}.</source>
        <translation>{sha256} 已关联到 {case_no}。</translation>
    </message>
    <message>
        <source>{files} file(s) of {case_no} written to {out}; manifest SHA-256 {sha}.</source>
        <translation>{case_no} 的 {files} 个文件已写入 {out}；清单 SHA-256 为 {sha}。</translation>
    </message>
    <message>
        <source>Wrote the {year} statistics ({n} tables) to {out}.</source>
        <translation>已将 {year} 年度统计（{n} 张表）写入 {out}。</translation>
    </message>
    <message>
        <source>Deletion list {id}: {state}; {files} file(s), {deleted} deleted, {kept} kept.</source>
        <translation>删除清单 {id}：{state}；共 {files} 个文件，已删除 {deleted} 个，保留 {kept} 个。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The store already has accounts; ask an administrator for one.</source>
        <translation>数据库中已有账号，请向管理员申请账号。</translation>
    </message>
    <message>
        <source>Account {user} is locked after repeated failed logins; try again in {minutes} minute(s).</source>
        <translation>账号 {user} 因多次登录失败已被锁定，请 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <source>Account {user} is now locked for {minutes} minutes after {count} failed logins.</source>
        <translation>账号 {user} 连续 {count} 次登录失败，已锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>An account named {name} already exists.</source>
        <translation>已存在名为 {name} 的账号。</translation>
    </message>
    <message>
        <source>You cannot remove your own administrator rights or disable yourself.</source>
        <translation>不能取消自己的管理员权限，也不能停用自己的账号。</translation>
    </message>
    <message>
        <source>Changed by {who} at {when} — reload and try again.</source>
        <translation>该记录已由 {who} 于 {when} 修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>Unknown role {role}; use one of: {roles}.</source>
        <translation>未知角色 {role}，可用角色：{roles}。</translation>
    </message>
    <message>
        <source>Role {role} needs an agency.</source>
        <translation>角色 {role} 必须指定所属执法主体。</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters without spaces.</source>
        <translation>用户名为 1 至 64 个字符，不能包含空格。</translation>
    </message>
    <message>
        <source>A user name cannot contain control, zero-width or text-direction characters.</source>
        <translation>用户名不能包含控制字符、零宽字符或文字方向字符。</translation>
    </message>
    <message>
        <source>A display name has at most 64 characters.</source>
        <translation>显示名称最多 64 个字符。</translation>
    </message>
    <message>
        <source>A display name cannot contain control, zero-width or text-direction characters.</source>
        <translation>显示名称不能包含控制字符、零宽字符或文字方向字符。</translation>
    </message>
    <message>
        <source>No such account (id {id}).</source>
        <translation>账号不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>No password given: set {variable} or run in a terminal.</source>
        <translation>未提供密码：请设置环境变量 {variable}，或在终端中运行。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>{file}: {count} problem(s) found; nothing was imported.</source>
        <translation>{file}：发现 {count} 处问题，未导入任何数据。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何修改。</translation>
    </message>
    <message>
        <source>The store cannot hold one of the values (too long, too large or with a character it does not accept); nothing was saved.</source>
        <translation>存储无法保存其中一个值（过长、过大或含有不被接受的字符）；未保存任何内容。</translation>
    </message>
    <message>
        <source>This record was changed by someone else in the meantime. Reload it and try again.</source>
        <translation>该记录已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>Someone else saved a record with the same number or name in the meantime. Reload and try again.</source>
        <translation>他人已在此期间保存了相同编号或名称的记录。请重新载入后再试。</translation>
    </message>
    <message>
        <source>The store file is in use by another program. Close it and try again.</source>
        <translation>数据库文件正被其他程序占用，请关闭后重试。</translation>
    </message>
    <message>
        <source>The store cannot be reached: {reason}</source>
        <translation>无法连接数据库：{reason}</translation>
    </message>
    <message>
        <source>The connection to the store was lost: {reason}</source>
        <translation>与数据库的连接已中断：{reason}</translation>
    </message>
    <message>
        <source>Unsupported store address: {url}. Use a SQLite file or a PostgreSQL server.</source>
        <translation>不支持的数据库地址：{url}。请使用本地 SQLite 文件或 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The store file {path} cannot be found: its folder was moved or removed, or the shared drive is disconnected.</source>
        <translation>找不到数据库文件 {path}：其所在文件夹已被移动或删除，或共享盘已断开。</translation>
    </message>
    <message>
        <source>This store was written by a newer version of the program (schema {revision}). Install the newer version to open it.</source>
        <translation>该数据库由更新版本的程序创建（数据结构 {revision}），请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>Checking stopped after {limit} problems.</source>
        <translation>已发现 {limit} 个问题，停止检查。</translation>
    </message>
    <message>
        <source>{value} appears again (first in row {first})</source>
        <translation>{value} 重复出现（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <source>{value} is already the name or short name of {owner}.</source>
        <translation>{value} 已是 {owner} 的名称或简称。</translation>
    </message>
    <message>
        <source>unknown agency {agency}: import it first or use its exact name</source>
        <translation>未知执法主体 {agency}：请先导入该主体，或填写其准确名称</translation>
    </message>
    <message>
        <source>outside your agency</source>
        <translation>不属于本单位</translation>
    </message>
    <message>
        <source>Case {case_no} is already on the register of {agency}.</source>
        <translation>案号 {case_no} 已在 {agency} 的案件登记中。</translation>
    </message>
    <message>
        <source>certificate {number} belongs to another officer</source>
        <translation>执法证 {number} 属于其他执法人员</translation>
    </message>
    <message>
        <source>Column {column} is not known and was ignored.</source>
        <translation>未识别的列“{column}”已忽略。</translation>
    </message>
    <message>
        <source>{value} is not a usable value for this limit.</source>
        <translation>{value} 不能作为该项期限或限额。</translation>
    </message>
    <message>
        <source>{day} has no local override.</source>
        <translation>{day} 没有本地调整。</translation>
    </message>
    <message>
        <source>Name at least one kind of handling.</source>
        <translation>请至少填写一种处置方式。</translation>
    </message>
    <message>
        <source>{kind} is longer than {limit} characters.</source>
        <translation>“{kind}”超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A kind of handling is named twice.</source>
        <translation>处置方式重复。</translation>
    </message>
    <message>
        <source>Too many kinds of handling.</source>
        <translation>处置方式过多。</translation>
    </message>
    <message>
        <source>The attachment has no name.</source>
        <translation>附件没有文件名。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 为空文件。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB.</source>
        <translation>{name} 超过 {limit} MB。</translation>
    </message>
    <message>
        <source>No such attachment (id {id}).</source>
        <translation>附件不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>{name} no longer matches its SHA-256: it was altered in the store.</source>
        <translation>{name} 与其 SHA-256 不符：已在数据库中被改动。</translation>
    </message>
    <message>
        <source>Say why the handling is reopened.</source>
        <translation>请说明重新打开处置的理由。</translation>
    </message>
    <message>
        <source>No such case (id {id}).</source>
        <translation>案件不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>Warning {code} of case {case_no} is not handled.</source>
        <translation>案件 {case_no} 的预警 {code} 尚未处置。</translation>
    </message>
    <message>
        <source>No case numbered {case_no}.</source>
        <translation>没有案号为 {case_no} 的案件。</translation>
    </message>
    <message>
        <source>Several agencies have a case numbered {case_no}: {agencies}. Name the agency.</source>
        <translation>多个执法主体都有案号 {case_no}：{agencies}。请指明执法主体。</translation>
    </message>
    <message>
        <source>Say why the case is corrected.</source>
        <translation>请说明更正理由。</translation>
    </message>
    <message>
        <source>{stage} is not recorded on {case_no}: record it instead.</source>
        <translation>{case_no} 尚未记录{stage}：请改为记录该环节。</translation>
    </message>
    <message>
        <source>{stage} cannot be withdrawn: every case on the register is filed.</source>
        <translation>{stage}不能撤回：登记的案件都已立案。</translation>
    </message>
    <message>
        <source>{stage} cannot be withdrawn while {stages} are recorded: withdraw them first.</source>
        <translation>已记录{stages}，{stage}不能撤回：请先撤回这些环节。</translation>
    </message>
    <message>
        <source>Unknown agency: {agency}.</source>
        <translation>未知执法主体：{agency}。</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>文件不存在：{path}。</translation>
    </message>
    <message>
        <source>Officer {officer} does not belong to {agency}.</source>
        <translation>执法人员 {officer} 不属于 {agency}。</translation>
    </message>
    <message>
        <source>{stage} is already recorded on {date}: correct its date, with a reason, instead.</source>
        <translation>{stage}已记录为 {date}：如需改动日期，请在时间线上说明理由后更正。</translation>
    </message>
    <message>
        <source>Power {code} is not in the catalogue of powers (执法事项).</source>
        <translation>执法事项目录中没有事项 {code}。</translation>
    </message>
    <message>
        <source>Power {code} is not a power of {agency}.</source>
        <translation>事项 {code} 不属于{agency}。</translation>
    </message>
    <message>
        <source>{count} officers of {agency} are called {officer}: give the certificate number.</source>
        <translation>{agency} 有 {count} 名执法人员名为 {officer}：请填写执法证号。</translation>
    </message>
    <message>
        <source>No officer of {agency} has the name or certificate number {officer}.</source>
        <translation>{agency} 没有姓名或执法证号为 {officer} 的执法人员。</translation>
    </message>
    <message>
        <source>{path} is outside the workbook's folder and the dossier folder: move the dossier into one of them.</source>
        <translation>{path} 不在工作簿所在文件夹或卷宗文件夹内：请将卷宗移入其中之一。</translation>
    </message>
    <message>
        <source>Cannot read {path}.</source>
        <translation>无法读取 {path}。</translation>
    </message>
    <message>
        <source>{path} is not a PDF file.</source>
        <translation>{path} 不是 PDF 文件。</translation>
    </message>
    <message>
        <source>Unknown stage: {stage}.</source>
        <translation>未知的办案环节：{stage}。</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>{date} 晚于今天。</translation>
    </message>
    <message>
        <source>The end {end} is before the start {start}.</source>
        <translation>结束日期 {end} 早于开始日期 {start}。</translation>
    </message>
    <message>
        <source>The start {start} is before the filing date {filed}.</source>
        <translation>开始日期 {start} 早于立案日期 {filed}。</translation>
    </message>
    <message>
        <source>No such period (id {id}).</source>
        <translation>期间不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>An extension is 1 to 365 days.</source>
        <translation>延长期限应为 1 至 365 日。</translation>
    </message>
    <message>
        <source>Only a 普通程序 行政处罚 case has a decision limit to extend.</source>
        <translation>只有普通程序行政处罚案件可以延长办案期限。</translation>
    </message>
    <message>
        <source>The case has no 查封, 扣押 or 冻结 to extend.</source>
        <translation>本案没有可延长期限的查封、扣押或冻结。</translation>
    </message>
    <message>
        <source>Say how the warning was handled.</source>
        <translation>请填写处置情况。</translation>
    </message>
    <message>
        <source>Choose the warnings to handle.</source>
        <translation>请选择要处置的预警。</translation>
    </message>
    <message>
        <source>The follow-up date {date} is before {today}.</source>
        <translation>跟进日期 {date} 早于 {today}。</translation>
    </message>
    <message>
        <source>{kind} is not a kind of handling (see the settings).</source>
        <translation>“{kind}”不是设置中的处置方式。</translation>
    </message>
    <message>
        <source>Case {case_no} has no warning {code}.</source>
        <translation>案件 {case_no} 没有预警 {code}。</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>{code} is not a valid unified social credit code (18 characters, checksum per GB 32100-2015).</source>
        <translation>{code} 不是有效的统一社会信用代码（应为 18 位，校验位按 GB 32100-2015 计算）。</translation>
    </message>
    <message>
        <source>The ID number is required.</source>
        <translation>身份证号不能为空。</translation>
    </message>
    <message>
        <source>{number} is not a valid resident ID number (18 characters, checksum per GB 11643).</source>
        <translation>{number} 不是有效的居民身份证号（应为 18 位，校验位按 GB 11643 计算）。</translation>
    </message>
    <message>
        <source>The agency is required.</source>
        <translation>执法主体不能为空。</translation>
    </message>
    <message>
        <source>Dates of a certificate need its certificate number.</source>
        <translation>填写证件日期时必须填写执法证号。</translation>
    </message>
    <message>
        <source>A certificate needs its issue date.</source>
        <translation>执法证必须填写发证日期。</translation>
    </message>
    <message>
        <source>A certificate needs its expiry date.</source>
        <translation>执法证必须填写有效期至。</translation>
    </message>
    <message>
        <source>The expiry date must be after the issue date.</source>
        <translation>有效期至必须晚于发证日期。</translation>
    </message>
    <message>
        <source>{later} ({later_date}) cannot be before {earlier} ({earlier_date}).</source>
        <translation>{later}（{later_date}）不能早于{earlier}（{earlier_date}）。</translation>
    </message>
    <message>
        <source>{later} is recorded but {earlier} is not.</source>
        <translation>已填写{later}，但未填写{earlier}。</translation>
    </message>
    <message>
        <source>{value} is listed twice.</source>
        <translation>{value} 重复列出。</translation>
    </message>
    <message>
        <source>A 裁量档次 needs the power it belongs to (事项编码).</source>
        <translation>填写裁量档次须同时填写其所属事项（事项编码）。</translation>
    </message>
    <message>
        <source>{value} is not a valid 统一社会信用代码.</source>
        <translation>{value} 不是有效的统一社会信用代码。</translation>
    </message>
    <message>
        <source>The amount cannot be more than {limit} yuan.</source>
        <translation>金额不能超过 {limit} 元。</translation>
    </message>
    <message>
        <source>{number} is neither an 18-digit resident ID number nor an 18-character credit code.</source>
        <translation>{number} 既不是 18 位居民身份证号，也不是 18 位统一社会信用代码。</translation>
    </message>
    <message>
        <source>{number} is not a valid resident ID number (wrong check digit).</source>
        <translation>{number} 不是有效的居民身份证号（校验位错误）。</translation>
    </message>
    <message>
        <source>{number} is not a valid unified social credit code (wrong check character).</source>
        <translation>{number} 不是有效的统一社会信用代码（校验码错误）。</translation>
    </message>
    <message>
        <source>{number} fails the check digit of both a resident ID number and a credit code.</source>
        <translation>{number} 的校验位既不符合居民身份证号，也不符合统一社会信用代码。</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <source>{value} is not one of: {allowed}.</source>
        <translation>{value} 不在可选范围内：{allowed}。</translation>
    </message>
    <message>
        <source>A major enforcement decision cannot be made without a legal review (未经法制审核不得作出决定).</source>
        <translation>重大执法决定未经法制审核不得作出决定。</translation>
    </message>
    <message>
        <source>A 行政处罚 case needs its procedure (简易程序 or 普通程序).</source>
        <translation>行政处罚案件须填写程序类型（简易程序或普通程序）。</translation>
    </message>
    <message>
        <source>A 行政强制 case needs its coercive measures (强制措施).</source>
        <translation>行政强制案件须填写强制措施。</translation>
    </message>
    <message>
        <source>The amount must be zero or more yuan with at most two decimals.</source>
        <translation>金额须为不小于 0 的元数，最多两位小数。</translation>
    </message>
    <message>
        <source>{agency} still has officers or accounts; move or remove them first.</source>
        <translation>{agency} 下仍有执法人员或账号，请先调出或删除。</translation>
    </message>
    <message>
        <source>Another agency is already called {name}.</source>
        <translation>已有执法主体使用名称 {name}。</translation>
    </message>
    <message>
        <source>Give at least 8 digits of the SHA-256.</source>
        <translation>请至少给出 SHA-256 的前 8 位。</translation>
    </message>
    <message>
        <source>No stored footage with SHA-256 {sha256}.</source>
        <translation>没有 SHA-256 为 {sha256} 的已存储音像文件。</translation>
    </message>
    <message>
        <source>{sha256} was deleted; a deleted file cannot be linked.</source>
        <translation>{sha256} 已删除，不能关联已删除的文件。</translation>
    </message>
    <message>
        <source>Map an officer or a device number.</source>
        <translation>只能对应警号或设备编号。</translation>
    </message>
    <message>
        <source>No such officer (id {id}).</source>
        <translation>执法人员不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>An officer with ID number {number} is already registered.</source>
        <translation>身份证号为 {number} 的执法人员已登记。</translation>
    </message>
    <message>
        <source>Certificate number {number} belongs to another officer.</source>
        <translation>执法证号 {number} 已属于其他执法人员。</translation>
    </message>
    <message>
        <source>The system keyring is not available ({reason}); the password will be asked for each time.</source>
        <translation>系统凭据管理器不可用（{reason}），每次启动时将询问密码。</translation>
    </message>
    <message>
        <source>User {user} ({role}) may not do this: {permission}.</source>
        <translation>用户 {user}（{role}）无权执行此操作：{permission}。</translation>
    </message>
    <message>
        <source>User {user} may only work with their own agency's records.</source>
        <translation>用户 {user} 只能处理本单位的数据。</translation>
    </message>
    <message>
        <source>The password cannot be only spaces.</source>
        <translation>密码不能全是空格。</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password must use at least {n} of these: lower-case letters, upper-case letters, digits, symbols.</source>
        <translation>密码须至少包含以下 {n} 类字符：小写字母、大写字母、数字、符号。</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>密码不能包含用户名。</translation>
    </message>
    <message>
        <source>This password is on the list of well-known passwords; choose another.</source>
        <translation>该密码属于常见密码，请另选一个。</translation>
    </message>
    <message>
        <source>Unknown store kind {kind}.</source>
        <translation>未知的数据库类型 {kind}。</translation>
    </message>
    <message>
        <source>Fill in the server's host, database and user.</source>
        <translation>请填写服务器地址、数据库名和用户名。</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>端口必须在 1 至 65535 之间。</translation>
    </message>
    <message>
        <source>Unknown language {language}.</source>
        <translation>未知语言 {language}。</translation>
    </message>
    <message>
        <source>permission denied (is it open in another program?)</source>
        <translation>没有访问权限（文件是否已在其他程序中打开？）</translation>
    </message>
    <message>
        <source>Blueprint {where}: {message}</source>
        <translation>组卷方案 {where}：{message}</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>a whole number of minutes from 1 to 600</source>
        <translation>须为 1 至 600 之间的整数分钟</translation>
    </message>
    <message>
        <source>a number, 0 or more</source>
        <translation>须为不小于 0 的数</translation>
    </message>
    <message>
        <source>a whole number, 0 or more</source>
        <translation>须为不小于 0 的整数</translation>
    </message>
    <message>
        <source>at least one section</source>
        <translation>至少需要一个题型部分</translation>
    </message>
    <message>
        <source>{mark} is more than the paper's {points} points</source>
        <translation>{mark} 超过试卷总分 {points} 分</translation>
    </message>
    <message>
        <source>a whole number, 1 or more</source>
        <translation>须为不小于 1 的整数</translation>
    </message>
    <message>
        <source>a number above 0</source>
        <translation>须为大于 0 的数</translation>
    </message>
    <message>
        <source>a list of category names</source>
        <translation>须为分类名称的列表</translation>
    </message>
    <message>
        <source>adds up to {sum}, not the section's count {count}</source>
        <translation>合计为 {sum}，与该部分题数 {count} 不符</translation>
    </message>
    <message>
        <source>a share from 0 up to (not including) 1</source>
        <translation>须为 0 至 1 之间（不含 1）的比例</translation>
    </message>
    <message>
        <source>only a 多选题 section earns partial credit</source>
        <translation>只有多选题部分可以设置部分得分</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>a formula without a saved value: open the file in Excel or WPS, save it and import it again</source>
        <translation>公式没有保存的计算结果：请用 Excel 或 WPS 打开并保存该文件后重新导入</translation>
    </message>
    <message>
        <source>it is a folder, not a workbook</source>
        <translation>这是一个文件夹，不是工作簿</translation>
    </message>
    <message>
        <source>not an .xlsx workbook</source>
        <translation>不是 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>{file} has more than {limit} rows; nothing was imported. Split it into smaller files.</source>
        <translation>{file} 超过 {limit} 行，未导入任何内容。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>duplicate column</source>
        <translation>列重复</translation>
    </message>
    <message>
        <source>missing required column</source>
        <translation>缺少必填列</translation>
    </message>
    <message>
        <source>not an amount (use e.g. 1234.50)</source>
        <translation>不是有效金额（示例：1234.50）</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD)</source>
        <translation>不是有效日期（格式：YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>no such date: {value}</source>
        <translation>日期不存在：{value}</translation>
    </message>
    <message>
        <source>must be one of: {allowed}</source>
        <translation>只能填写：{allowed}</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>at most two decimals</source>
        <translation>最多两位小数</translation>
    </message>
    <message>
        <source>must be 是 or 否</source>
        <translation>只能填写“是”或“否”</translation>
    </message>
    <message>
        <source>Too many rows for one worksheet (at most {limit})</source>
        <translation>超出单个工作表的行数上限（最多 {limit} 行）</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>The audit record is damaged: record {id} lies beyond the chain's last record. Nothing can be saved until it is checked; an administrator checks it with: main.py --user NAME audit verify</source>
        <translation>审计记录已损坏：第 {id} 条位于哈希链末条之后。在检查之前无法保存任何内容；请管理员运行以下命令检查：main.py --user NAME audit verify</translation>
    </message>
    <message>
        <source>The audit record is damaged: record {id}, the chain's last, is missing or was changed. Nothing can be saved until it is checked; an administrator checks it with: main.py --user NAME audit verify</source>
        <translation>审计记录已损坏：哈希链的末条（第 {id} 条）缺失或被改动。在检查之前无法保存任何内容；请管理员运行以下命令检查：main.py --user NAME audit verify</translation>
    </message>
    <message>
        <source>record {id} and those after it were added outside the program</source>
        <translation>第 {id} 条及其后的记录是在本程序之外添加的</translation>
    </message>
    <message>
        <source>the chain's head row is missing</source>
        <translation>哈希链的链头行缺失</translation>
    </message>
    <message>
        <source>the chain's head does not match its last record {id}</source>
        <translation>哈希链的链头与末条记录 {id} 不符</translation>
    </message>
    <message>
        <source>the records from {id} on were removed</source>
        <translation>自第 {id} 条起的记录已被删除</translation>
    </message>
    <message>
        <source>record {id} is missing (removed or renumbered)</source>
        <translation>第 {id} 条记录缺失（已被删除或重新编号）</translation>
    </message>
    <message>
        <source>the link to the previous record is broken (removed or reordered)</source>
        <translation>与上一条记录的链接已断开（记录被删除或顺序被调整）</translation>
    </message>
    <message>
        <source>the record was edited after it was written</source>
        <translation>记录写入后被修改过</translation>
    </message>
    <message>
        <source>No password was given for the server.</source>
        <translation>未提供服务器密码。</translation>
    </message>
    <message>
        <source>The store address {url} is not valid.</source>
        <translation>数据库地址 {url} 无效。</translation>
    </message>
    <message>
        <source>No standard with code {code}.</source>
        <translation>没有编号为 {code} 的评查标准。</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请填写评查活动名称。</translation>
    </message>
    <message>
        <source>The name is longer than {n} characters.</source>
        <translation>名称超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>The bank cannot fill this blueprint; no paper was made.
{details}</source>
        <translation>题库无法满足该组卷方案，未生成任何试卷。
{details}</translation>
    </message>
    <message>
        <source>The bank is too small for {count} papers sharing at most {cap} questions (paper {paper} could not be drawn).</source>
        <translation>题库试题不足以生成 {count} 份两两重复不超过 {cap} 题的试卷（第 {paper} 份无法抽取）。</translation>
    </message>
    <message>
        <source>Give a seed of 1 to 100 characters.</source>
        <translation>请填写 1 至 100 个字符的随机种子。</translation>
    </message>
    <message>
        <source>No exam sitting {id}.</source>
        <translation>考试场次 {id} 不存在。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose case categories among {allowed}.</source>
        <translation>请从 {allowed} 中选择案件类别。</translation>
    </message>
    <message>
        <source>The number of campaigns to leave out cannot be negative.</source>
        <translation>排除的评查活动次数不能为负数。</translation>
    </message>
    <message>
        <source>Name at least one reviewer.</source>
        <translation>请至少指定一名评查人员。</translation>
    </message>
    <message>
        <source>The first score's weight must be 1 to 99 percent.</source>
        <translation>第一评分的权重须为 1% 至 99%。</translation>
    </message>
    <message>
        <source>The recheck window must be 0 to 60 working days.</source>
        <translation>复核申请期限须为 0 至 60 个工作日。</translation>
    </message>
    <message>
        <source>A campaign named {name} already exists.</source>
        <translation>已有名为 {name} 的评查活动。</translation>
    </message>
    <message>
        <source>No file is eligible: no case of these categories closed in this period.</source>
        <translation>没有可抽取的案卷：该期间内没有这些类别的结案案件。</translation>
    </message>
    <message>
        <source>No campaign named {name}.</source>
        <translation>没有名为 {name} 的评查活动。</translation>
    </message>
    <message>
        <source>No such campaign (id {id}).</source>
        <translation>评查活动不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>Standard {id} does not apply to {category}.</source>
        <translation>评查标准 {id} 不适用于{category}。</translation>
    </message>
    <message>
        <source>No review standard applies to {category}: import one first.</source>
        <translation>没有适用于{category}的评查标准，请先导入。</translation>
    </message>
    <message>
        <source>No active user named {name}.</source>
        <translation>没有名为 {name} 的有效用户。</translation>
    </message>
    <message>
        <source>{name} is not a reviewer.</source>
        <translation>{name} 不是评查人员。</translation>
    </message>
    <message>
        <source>Give a number of files per agency or a percentage.</source>
        <translation>请填写每个单位抽取的件数或比例。</translation>
    </message>
    <message>
        <source>Draw at least one file per agency.</source>
        <translation>每个单位至少抽取一件。</translation>
    </message>
    <message>
        <source>The agency has no enforcement field (执法领域) to draw targets from.</source>
        <translation>该执法主体未填写执法领域，无法从名录中抽取检查对象。</translation>
    </message>
    <message>
        <source>A plan called {name} already exists.</source>
        <translation>已有名为 {name} 的抽查计划。</translation>
    </message>
    <message>
        <source>A plan needs a name of at most {limit} characters.</source>
        <translation>抽查计划须有名称，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A plan needs a seed of at most {limit} characters.</source>
        <translation>抽查计划须有随机种子，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The plan ends before it starts.</source>
        <translation>计划的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Give either a count or a percentage of targets.</source>
        <translation>请给出抽取数量或抽取比例（二者选一）。</translation>
    </message>
    <message>
        <source>The count must be at least 1.</source>
        <translation>抽取数量至少为 1。</translation>
    </message>
    <message>
        <source>The percentage must be above 0 and at most 100.</source>
        <translation>比例须大于 0 且不超过 100。</translation>
    </message>
    <message>
        <source>No inspection plan called {name}.</source>
        <translation>没有名为 {name} 的抽查计划。</translation>
    </message>
    <message>
        <source>The directory of targets has changed since the draw.</source>
        <translation>检查对象名录在抽取后已有变动。</translation>
    </message>
    <message>
        <source>Drawing again gives other targets.</source>
        <translation>重新抽取得到的检查对象不同。</translation>
    </message>
    <message>
        <source>Drawing again gives other inspectors.</source>
        <translation>重新抽取得到的检查人员不同。</translation>
    </message>
    <message>
        <source>{value} was not drawn in this plan.</source>
        <translation>{value} 不在本计划抽中的检查对象中。</translation>
    </message>
    <message>
        <source>立案查处 needs the case number of a case of the plan's agency.</source>
        <translation>立案查处须填写本计划执法主体已登记案件的案号。</translation>
    </message>
    <message>
        <source>公示日期 is before 检查日期.</source>
        <translation>公示日期早于检查日期。</translation>
    </message>
    <message>
        <source>A reviewer is named twice.</source>
        <translation>评查人员重复。</translation>
    </message>
    <message>
        <source>Too few reviewers for {case_no} of {agency}: {needed} needed, and no reviewer may score a file of their own agency.</source>
        <translation>{agency} 的 {case_no} 可分配的评查人员不足：需要 {needed} 名，且评查人员不得评查本单位案卷。</translation>
    </message>
    <message>
        <source>Name the bureau that issues the notice (at most 60 characters).</source>
        <translation>请填写发文机关（不超过 60 个字符）。</translation>
    </message>
    <message>
        <source>The rectification deadline must be after the notice.</source>
        <translation>整改期限须晚于通知日期。</translation>
    </message>
    <message>
        <source>No such agency (id {id}).</source>
        <translation>执法主体不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>The campaign drew no file of {agency}.</source>
        <translation>本次评查未抽取 {agency} 的案卷。</translation>
    </message>
    <message>
        <source>Not every file of {agency} is scored yet: {files}.</source>
        <translation>{agency} 尚有案卷未完成评分：{files}。</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请说明理由。</translation>
    </message>
    <message>
        <source>The reason is longer than {n} characters.</source>
        <translation>理由超过 {n} 个字。</translation>
    </message>
    <message>
        <source>The campaign is closed: its grades are fixed.</source>
        <translation>评查活动已通报结束，等次不再变动。</translation>
    </message>
    <message>
        <source>The campaign is voided.</source>
        <translation>评查活动已作废。</translation>
    </message>
    <message>
        <source>{n} of the {total} files already have a score saved: a campaign can be voided only before scoring starts.</source>
        <translation>{total} 份案卷中已有 {n} 份保存了评分：评查活动只能在开始评分前作废。</translation>
    </message>
    <message>
        <source>{name} already holds these sheets.</source>
        <translation>{name} 已是这些评分表的评查员。</translation>
    </message>
    <message>
        <source>{n} of these sheets are submitted ({examples}): a submitted score stays its reviewer's. Reopen it first if it must be scored again.</source>
        <translation>其中 {n} 份评分表已提交（{examples}）：已提交的评分归原评查员所有；如需重新评分，请先重新打开。</translation>
    </message>
    <message>
        <source>{name} may not score {case_no}: it is a file of their own agency, or they already score it.</source>
        <translation>{name} 不能评查 {case_no}：该案卷属于其本单位，或其已在评查该案卷。</translation>
    </message>
    <message>
        <source>{name} holds no score sheet in this campaign.</source>
        <translation>{name} 在本评查活动中没有评分表。</translation>
    </message>
    <message>
        <source>{name} holds no score sheet of {count} of these files.</source>
        <translation>所选案卷中有 {count} 份没有 {name} 的评分表。</translation>
    </message>
    <message>
        <source>{n} score sheets are not submitted yet.</source>
        <translation>尚有 {n} 份评分表未提交。</translation>
    </message>
    <message>
        <source>{n} rechecks are not decided yet.</source>
        <translation>尚有 {n} 项复核未作出结论。</translation>
    </message>
    <message>
        <source>No feedback was sent yet to {agencies}.</source>
        <translation>尚未向 {agencies} 反馈评查结果。</translation>
    </message>
    <message>
        <source>{path} is not a readable PDF file.</source>
        <translation>{path} 不是可读取的 PDF 文件。</translation>
    </message>
    <message>
        <source>The dossier {path} changed while its annotated copy was being written; the copy was discarded. Export again.</source>
        <translation>生成批注副本期间，卷宗 {path} 被改动；副本已作废，请重新导出。</translation>
    </message>
    <message>
        <source>No dossier file at {path}.</source>
        <translation>卷宗文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The annotated copy must be a different file from the dossier {path}.</source>
        <translation>批注副本不能与卷宗 {path} 为同一文件。</translation>
    </message>
    <message>
        <source>Name at least one deduction to recheck.</source>
        <translation>请至少选择一项申请复核的扣分。</translation>
    </message>
    <message>
        <source>Give a reason for every disputed deduction.</source>
        <translation>每项申请复核的扣分都须说明理由。</translation>
    </message>
    <message>
        <source>No feedback was sent for this file yet.</source>
        <translation>该案卷的评查结果尚未反馈。</translation>
    </message>
    <message>
        <source>The recheck window closed on {day}.</source>
        <translation>复核申请期限已于 {day} 届满。</translation>
    </message>
    <message>
        <source>A recheck of this file was already requested.</source>
        <translation>该案卷已申请过复核。</translation>
    </message>
    <message>
        <source>A deduction is named twice.</source>
        <translation>扣分项重复。</translation>
    </message>
    <message>
        <source>Entry {id} is not a deduction of this file.</source>
        <translation>第 {id} 项不是该案卷的扣分。</translation>
    </message>
    <message>
        <source>This recheck is decided.</source>
        <translation>该复核已作出结论。</translation>
    </message>
    <message>
        <source>{name} scored this file: a recheck needs another reviewer.</source>
        <translation>{name} 评查过该案卷，复核须由其他评查人员进行。</translation>
    </message>
    <message>
        <source>{name} belongs to the file's agency.</source>
        <translation>{name} 属于该案卷的执法主体。</translation>
    </message>
    <message>
        <source>This recheck is assigned to {name}.</source>
        <translation>该复核已指派给 {name}。</translation>
    </message>
    <message>
        <source>Rule on every disputed deduction.</source>
        <translation>请对每项申请复核的扣分作出结论。</translation>
    </message>
    <message>
        <source>Uphold or change each deduction.</source>
        <translation>每项扣分须维持或变更。</translation>
    </message>
    <message>
        <source>Give a reason for every ruling.</source>
        <translation>每项复核结论都须说明理由。</translation>
    </message>
    <message>
        <source>The results of this file were not sent to your agency yet.</source>
        <translation>该案卷的评查结果尚未反馈给本单位。</translation>
    </message>
    <message>
        <source>Only the reviewer assigned to recheck this file may read its deductions.</source>
        <translation>只有被指派复核该案卷的评查人员才能查看其扣分项。</translation>
    </message>
    <message>
        <source>No such file (id {id}).</source>
        <translation>案卷不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>No such recheck (id {id}).</source>
        <translation>复核不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>The rubric is not valid JSON (line {line}, column {column}).</source>
        <translation>评查标准不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>The rubric must be a JSON object.</source>
        <translation>评查标准必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>{path} must be a JSON object.</source>
        <translation>{path} 必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>{path} is not part of the rubric format.</source>
        <translation>{path} 不属于评查标准格式。</translation>
    </message>
    <message>
        <source>{path} is required.</source>
        <translation>{path} 必须填写。</translation>
    </message>
    <message>
        <source>{path} must be a non-empty text.</source>
        <translation>{path} 必须是非空文本。</translation>
    </message>
    <message>
        <source>{path} must be a list.</source>
        <translation>{path} 必须是列表。</translation>
    </message>
    <message>
        <source>{path} must be a non-empty list.</source>
        <translation>{path} 必须是非空列表。</translation>
    </message>
    <message>
        <source>{path} must be a number.</source>
        <translation>{path} 必须是数字。</translation>
    </message>
    <message>
        <source>{path} cannot be negative.</source>
        <translation>{path} 不能为负数。</translation>
    </message>
    <message>
        <source>{path} must be more than 0.</source>
        <translation>{path} 必须大于 0。</translation>
    </message>
    <message>
        <source>{path} has more than two decimals.</source>
        <translation>{path} 的小数超过两位。</translation>
    </message>
    <message>
        <source>{path}: {value} is not a case category ({allowed}).</source>
        <translation>{path}：{value} 不是案件类别（{allowed}）。</translation>
    </message>
    <message>
        <source>{path}: {value} is listed twice.</source>
        <translation>{path}：{value} 重复列出。</translation>
    </message>
    <message>
        <source>{path}: the items' points add up to {sum}, not {total}.</source>
        <translation>{path}：各评查项分值合计为 {sum}，而不是 {total}。</translation>
    </message>
    <message>
        <source>{path}: an item needs at least one deduction.</source>
        <translation>{path}：每个评查项至少需要一个扣分项。</translation>
    </message>
    <message>
        <source>{path}: {value} is not a deduction kind ({allowed}).</source>
        <translation>{path}：{value} 不是扣分方式（{allowed}）。</translation>
    </message>
    <message>
        <source>{path}: {points} is more than the item's {item_points} points.</source>
        <translation>{path}：{points} 分超过该评查项的分值 {item_points} 分。</translation>
    </message>
    <message>
        <source>{path}: the minimum {min} is more than the maximum {max}.</source>
        <translation>{path}：最低扣分 {min} 大于最高扣分 {max}。</translation>
    </message>
    <message>
        <source>{path}: a range deduction has a minimum and a maximum, not points.</source>
        <translation>{path}：区间扣分项填写最低和最高扣分（min、max），不填分值（points）。</translation>
    </message>
    <message>
        <source>{path}: only a range deduction has a minimum and a maximum.</source>
        <translation>{path}：只有区间扣分项才有最低和最高扣分。</translation>
    </message>
    <message>
        <source>{path}: a full deduction takes the item's {item_points} points; leave the points out.</source>
        <translation>{path}：扣全分即扣除该评查项的 {item_points} 分，请勿另填分值。</translation>
    </message>
    <message>
        <source>{path}: {value} is not a veto effect ({allowed}).</source>
        <translation>{path}：{value} 不是否决项效力（{allowed}）。</translation>
    </message>
    <message>
        <source>{path}: {min} must be lower than the band above ({above}).</source>
        <translation>{path}：{min} 必须低于上一等次的起点分（{above}）。</translation>
    </message>
    <message>
        <source>{path}: the last band must start at 0, not {min}.</source>
        <translation>{path}：最低等次必须从 0 分起，而不是 {min}。</translation>
    </message>
    <message>
        <source>{path}: the top band starts at {min}, above the total {total}.</source>
        <translation>{path}：最高等次起点分 {min} 超过总分 {total}。</translation>
    </message>
    <message>
        <source>{path}: the band {name} is listed twice.</source>
        <translation>{path}：等次 {name} 重复列出。</translation>
    </message>
    <message>
        <source>{path}: the code {code} is already used at {other}.</source>
        <translation>{path}：编号 {code} 已在 {other} 使用。</translation>
    </message>
    <message>
        <source>{path} has {length} characters; at most {limit} are allowed.</source>
        <translation>{path} 有 {length} 个字符，最多允许 {limit} 个。</translation>
    </message>
    <message>
        <source>{path} contains an invisible or control character ({character}).</source>
        <translation>{path} 含有不可见字符或控制字符（{character}）。</translation>
    </message>
    <message>
        <source>{path} must be at most {limit}.</source>
        <translation>{path} 不能超过 {limit}。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a standard's JSON file.</source>
        <translation>{path} 是文件夹，不是评查标准的 JSON 文件。</translation>
    </message>
    <message>
        <source>No such file: {path}.</source>
        <translation>文件不存在：{path}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB; a standard is a small JSON file.</source>
        <translation>{path} 大于 {limit} MB；评查标准应是一个小的 JSON 文件。</translation>
    </message>
    <message>
        <source>{path} is not a JSON file: {problem}</source>
        <translation>{path} 不是 JSON 文件：{problem}</translation>
    </message>
    <message>
        <source>{path} holds a number with too many digits.</source>
        <translation>{path} 含有位数过多的数字。</translation>
    </message>
    <message>
        <source>{path}: a standard is one JSON object.</source>
        <translation>{path}：评查标准须为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>{path} is nested too deeply (more than {limit} levels).</source>
        <translation>{path} 嵌套过深（超过 {limit} 层）。</translation>
    </message>
    <message>
        <source>{path}: the key {key} is given twice at {where}.</source>
        <translation>{path}：键 {key} 在 {where} 处重复出现。</translation>
    </message>
    <message>
        <source>No such standard (id {id}).</source>
        <translation>评查标准不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>{code} is neither a deduction nor a veto of the standard {rubric}.</source>
        <translation>{code} 不是评查标准 {rubric} 中的扣分项或否决项。</translation>
    </message>
    <message>
        <source>{code}: the number of occurrences must be at least 1, not {count}.</source>
        <translation>{code}：出现次数至少为 1，而不是 {count}。</translation>
    </message>
    <message>
        <source>{code}: choose the points to deduct, from {min} to {max}.</source>
        <translation>{code}：请在 {min} 至 {max} 分之间选定扣分。</translation>
    </message>
    <message>
        <source>{code}: {points} points is outside the range {min} to {max}.</source>
        <translation>{code}：{points} 分超出 {min} 至 {max} 分的扣分区间。</translation>
    </message>
    <message>
        <source>{code}: {points} has more than two decimals.</source>
        <translation>{code}：{points} 的小数超过两位。</translation>
    </message>
    <message>
        <source>{code} is taken twice on one score sheet.</source>
        <translation>{code} 在同一张评分表中重复扣分。</translation>
    </message>
    <message>
        <source>There is no score sheet to combine.</source>
        <translation>没有可合并的评分表。</translation>
    </message>
    <message>
        <source>The weights of the score sheets cannot be negative and must add up to more than 0.</source>
        <translation>评分表权重不能为负数，且合计必须大于 0。</translation>
    </message>
    <message>
        <source>This score sheet is {reviewer}'s.</source>
        <translation>该评分表属于 {reviewer}。</translation>
    </message>
    <message>
        <source>{code} was not taken on this sheet.</source>
        <translation>该评分表未扣 {code}。</translation>
    </message>
    <message>
        <source>Unknown mark kind {kind}.</source>
        <translation>未知的标注类型 {kind}。</translation>
    </message>
    <message>
        <source>A mark needs a page and a rectangle.</source>
        <translation>标注须有页码和矩形区域。</translation>
    </message>
    <message>
        <source>Say why the score is reopened.</source>
        <translation>请说明重新打开评分的理由。</translation>
    </message>
    <message>
        <source>This sheet is not submitted.</source>
        <translation>该评分表尚未提交。</translation>
    </message>
    <message>
        <source>No such score sheet (id {id}).</source>
        <translation>评分表不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>No such mark (id {id}).</source>
        <translation>标注不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>This score was submitted and is locked; a supervisor can reopen it.</source>
        <translation>该评分已提交并锁定，可由执法监督人员重新打开。</translation>
    </message>
    <message>
        <source>{code} is not an item of this standard.</source>
        <translation>{code} 不是该评查标准的项目。</translation>
    </message>
    <message>
        <source>The system keyring is not available ({reason}); audit anchors need their key from it.</source>
        <translation>系统密钥环不可用（{reason}）；审计锚点的密钥须从中读取。</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>The audit record does not hold at record {id}; no anchor was written. See: main.py --user NAME audit verify</source>
        <translation>审计记录在第 {id} 条处校验不通过；未写入锚点。请查看：main.py --user NAME audit verify</translation>
    </message>
    <message>
        <source>The audit record is empty; there is nothing to anchor.</source>
        <translation>审计记录为空，没有可锚定的内容。</translation>
    </message>
    <message>
        <source>not a readable audit anchor</source>
        <translation>不是可读取的审计锚点</translation>
    </message>
    <message>
        <source>signed with a key this workstation does not hold</source>
        <translation>签名所用的密钥不在本工作站</translation>
    </message>
    <message>
        <source>the anchor file was altered (its signature does not match)</source>
        <translation>锚点文件已被改动（签名不符）</translation>
    </message>
    <message>
        <source>record {id} is no longer in the audit record (removed or emptied)</source>
        <translation>第 {id} 条已不在审计记录中（被删除或被清空）</translation>
    </message>
    <message>
        <source>record {id} was rewritten since it was anchored</source>
        <translation>第 {id} 条在锚定之后被改写</translation>
    </message>
    <message>
        <source>At most {limit} characters are allowed; this has {length}.</source>
        <translation>最多允许 {limit} 个字符，此处有 {length} 个。</translation>
    </message>
    <message>
        <source>Contains an invisible or control character ({character}); type the text again without it.</source>
        <translation>含有不可见字符或控制字符（{character}）；请去掉后重新输入。</translation>
    </message>
    <message>
        <source>{date} is outside the years {first} to {last}.</source>
        <translation>{date} 不在 {first} 年至 {last} 年之间。</translation>
    </message>
    <message>
        <source>An import ({who}) is being saved to the store; try again when it has finished.</source>
        <translation>正在向数据库保存导入（{who}），请在导入完成后重试。</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>larger than {limit}</source>
        <translation>大于 {limit}</translation>
    </message>
    <message>
        <source>{value} is not a known agency.</source>
        <translation>{value} 不是已登记的执法主体。</translation>
    </message>
    <message>
        <source>power {code} belongs to {agency}.</source>
        <translation>事项 {code} 属于{agency}。</translation>
    </message>
    <message>
        <source>differs from row {first} of the same power and date.</source>
        <translation>与同一事项、同一生效日期的第 {first} 行不一致。</translation>
    </message>
    <message>
        <source>band {band} appears again (first in row {first}).</source>
        <translation>裁量档次 {band} 重复（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
        <source>罚款下限 is above 罚款上限.</source>
        <translation>罚款下限高于罚款上限。</translation>
    </message>
    <message>
        <source>失效日期 is before 生效日期.</source>
        <translation>失效日期早于生效日期。</translation>
    </message>
    <message>
        <source>a fine range needs 罚款 among the 处罚种类.</source>
        <translation>填写罚款幅度时，处罚种类须包含罚款。</translation>
    </message>
    <message>
        <source>罚款 needs 罚款下限 and 罚款上限.</source>
        <translation>处罚种类含罚款时须填写罚款下限和罚款上限。</translation>
    </message>
    <message>
        <source>The plan asks for {wanted} targets; the directory has {have} in its field.</source>
        <translation>计划要求抽取 {wanted} 个检查对象，而名录中该领域只有 {have} 个。</translation>
    </message>
    <message>
        <source>Two inspectors are needed; the agency has {count} officer(s) with a valid certificate.</source>
        <translation>每个检查对象需要两名检查人员，该执法主体只有 {count} 名持有效执法证的人员。</translation>
    </message>
    <message>
        <source>No unused pair of inspectors is left for {target}: the plan needs more officers with a valid certificate.</source>
        <translation>{target} 已无未用过的检查人员组合：本计划需要更多持有效执法证的人员。</translation>
    </message>
    <message>
        <source>处理日期 is before 登记日期.</source>
        <translation>处理日期早于登记日期。</translation>
    </message>
    <message>
        <source>立案 needs the case number of a case of the agency's register.</source>
        <translation>立案须填写该执法主体已登记案件的案号。</translation>
    </message>
    <message>
        <source>不予立案 needs its reason.</source>
        <translation>不予立案须填写理由。</translation>
    </message>
    <message>
        <source>No case names a party with the number {number}.</source>
        <translation>没有当事人证件号码为 {number} 的案件。</translation>
    </message>
    <message>
        <source>the folder {folder} is not there (a USB stick not plugged in?)</source>
        <translation>文件夹 {folder} 不存在（U 盘未插入？）</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written</source>
        <translation>文件夹 {folder} 无法写入</translation>
    </message>
    <message>
        <source>The notice names no year: paste it with its title (国务院办公厅关于2027年部分节假日安排的通知).</source>
        <translation>通知中没有年份：请连同标题一起粘贴（国务院办公厅关于2027年部分节假日安排的通知）。</translation>
    </message>
    <message>
        <source>The text is longer than a holiday notice ({limit} characters).</source>
        <translation>文本超过放假通知应有的长度（{limit} 个字符）。</translation>
    </message>
    <message>
        <source>{text}: a day without its month.</source>
        <translation>{text}：日期缺少月份。</translation>
    </message>
    <message>
        <source>{text}: the range ends before it starts.</source>
        <translation>{text}：日期范围的结束早于开始。</translation>
    </message>
    <message>
        <source>{text} is not a date of {year}.</source>
        <translation>{text} 不是 {year} 年的有效日期。</translation>
    </message>
    <message>
        <source>{text} is a 周{actual} in {year}, but the notice says 周{said}: is the year right?</source>
        <translation>{year} 年的 {text} 是周{actual}，通知却写周{said}：年份是否正确？</translation>
    </message>
    <message>
        <source>No holiday found in the text: paste the notice's items (元旦：1月1日至3日放假调休，共3天。…上班。).</source>
        <translation>文本中未找到节假日：请粘贴通知的各项（元旦：1月1日至3日放假调休，共3天。…上班。）。</translation>
    </message>
    <message>
        <source>{day} is declared both a day off and a working day.</source>
        <translation>{day} 同时被写为放假日和上班日。</translation>
    </message>
    <message>
        <source>{day} lies outside the notice's year {year}.</source>
        <translation>{day} 不在通知的年份 {year} 年内。</translation>
    </message>
    <message>
        <source>{day} is a weekday: a notice declares only weekend days worked (上班).</source>
        <translation>{day} 是工作日：通知只会把周末写为调休上班。</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file} 不是文件。</translation>
    </message>
    <message>
        <source>{file} is too large to be a holiday notice.</source>
        <translation>{file} 过大，不是放假通知。</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason}).</source>
        <translation>无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>{file} is not text (UTF-8 or GB18030).</source>
        <translation>{file} 不是文本文件（UTF-8 或 GB18030）。</translation>
    </message>
    <message>
        <source>{value} is not a usable value: {low} to {high}.</source>
        <translation>{value} 不是可用的值：应在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>unknown question type</source>
        <translation>未知的题型</translation>
    </message>
    <message>
        <source>must be 易, 中 or 难</source>
        <translation>须为 易、中 或 难</translation>
    </message>
    <message>
        <source>Someone else changed this question; reload it.</source>
        <translation>该试题已被他人修改，请重新载入。</translation>
    </message>
    <message>
        <source>Only the current version of a question can be edited.</source>
        <translation>只能编辑试题的当前版本。</translation>
    </message>
    <message>
        <source>The bank holds this question already (题库编号 {id}).</source>
        <translation>题库中已有该试题（题库编号 {id}）。</translation>
    </message>
    <message>
        <source>No question {id} in the bank.</source>
        <translation>题库中没有编号为 {id} 的试题。</translation>
    </message>
    <message>
        <source>the same question as row {first} (题干 and options)</source>
        <translation>与第 {first} 行为同一试题（题干和选项相同）</translation>
    </message>
    <message>
        <source>the bank holds this question already (题库编号 {id}) with other values</source>
        <translation>题库中已有该试题（题库编号 {id}），但其他内容不同</translation>
    </message>
    <message>
        <source>at most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>not a valid 居民身份证号 (18 characters, checksum)</source>
        <translation>不是有效的居民身份证号（18 位，校验码）</translation>
    </message>
    <message>
        <source>{file} lists no candidates.</source>
        <translation>{file} 中没有考生。</translation>
    </message>
    <message>
        <source>write 正确 or 错误 (对/错, √/×, T/F)</source>
        <translation>请填写 正确 或 错误（对/错、√/×、T/F）</translation>
    </message>
    <message>
        <source>write option letters (A, AC …)</source>
        <translation>请填写选项字母（A、AC …）</translation>
    </message>
    <message>
        <source>option {letter} is not on this paper</source>
        <translation>本试卷没有选项 {letter}</translation>
    </message>
    <message>
        <source>no paper {paper} in this sitting</source>
        <translation>本场考试没有试卷号 {paper}</translation>
    </message>
    <message>
        <source>this paper has no question {number}</source>
        <translation>本试卷没有第 {number} 题</translation>
    </message>
    <message>
        <source>No paper for this ID number and sitting code.</source>
        <translation>没有与该身份证号和考试码对应的试卷。</translation>
    </message>
    <message>
        <source>This paper was submitted at {time}.</source>
        <translation>该试卷已于 {time} 交卷。</translation>
    </message>
    <message>
        <source>The time is over or the paper was submitted.</source>
        <translation>考试时间已到或试卷已交。</translation>
    </message>
    <message>
        <source>Add from 1 to 120 minutes.</source>
        <translation>请加时 1 至 120 分钟。</translation>
    </message>
    <message>
        <source>a 判断题 has no options (选项A … 选项H)</source>
        <translation>判断题不填选项（选项A … 选项H）</translation>
    </message>
    <message>
        <source>must be 正确 or 错误 (对/错, √/×, T/F)</source>
        <translation>须为 正确 或 错误（对/错、√/×、T/F）</translation>
    </message>
    <message>
        <source>options must follow one another from A (option {letter} is empty)</source>
        <translation>选项须从 A 起连续填写（选项{letter}为空）</translation>
    </message>
    <message>
        <source>a {type} needs at least {count} options from A</source>
        <translation>{type}至少需要从 A 起的 {count} 个选项</translation>
    </message>
    <message>
        <source>write the answer as option letters (B, ACD, A,C,D)</source>
        <translation>答案请填写选项字母（B、ACD、A,C,D）</translation>
    </message>
    <message>
        <source>a 单选题 has exactly one answer letter</source>
        <translation>单选题只能有一个答案字母</translation>
    </message>
    <message>
        <source>a 多选题 has two or more answer letters</source>
        <translation>多选题须有两个或以上答案字母</translation>
    </message>
    <message>
        <source>answer letter {letter} names an empty option</source>
        <translation>答案字母 {letter} 对应的选项为空</translation>
    </message>
    <message>
        <source>The system keyring is not available ({reason}); cards need their key from it.</source>
        <translation>系统密钥环不可用（{reason}）；制作执法证需要从中取得密钥。</translation>
    </message>
    <message>
        <source>This workstation does not hold the card signing key {id}; print cards where the key was made.</source>
        <translation>本机没有证件签名密钥 {id}；请在生成密钥的计算机上制证。</translation>
    </message>
    <message>
        <source>No certificate valid today matches: there is no card to print.</source>
        <translation>没有符合条件的有效执法证，无证卡可打印。</translation>
    </message>
    <message>
        <source>no card key has been made</source>
        <translation>尚未生成证件密钥</translation>
    </message>
    <message>
        <source>the signature does not match</source>
        <translation>签名不符</translation>
    </message>
    <message>
        <source>the card does not match the certificate register</source>
        <translation>证件内容与执法证登记不符</translation>
    </message>
    <message>
        <source>Unknown certificate event: {kind}.</source>
        <translation>未知的证件事项：{kind}。</translation>
    </message>
    <message>
        <source>Say whether the review was passed or failed.</source>
        <translation>请说明审核是否合格。</translation>
    </message>
    <message>
        <source>Give the reason for the event.</source>
        <translation>请填写事由。</translation>
    </message>
    <message>
        <source>An event on {date} comes before the certificate's last event ({last}); the certificate was {state} on {date}.</source>
        <translation>{date} 的事项早于该证最后一个事项（{last}）；该证在 {date} 的状态为：{state}。</translation>
    </message>
    <message>
        <source>A {event} is not possible on {date}: the certificate was {state} then.</source>
        <translation>{date} 不能办理{event}：该证当时的状态为：{state}。</translation>
    </message>
    <message>
        <source>{officer} already holds certificate {number}.</source>
        <translation>{officer}已持有执法证 {number}。</translation>
    </message>
    <message>
        <source>{officer} has an application waiting already (no. {id}).</source>
        <translation>{officer}已有尚在办理的申领（{id} 号）。</translation>
    </message>
    <message>
        <source>{officer} has no passed qualification exam on record: give the exam's document number.</source>
        <translation>{officer}没有资格考试通过记录：请填写考试文号。</translation>
    </message>
    <message>
        <source>{officer} has {hours} training hours in {year}; an application needs {gate}.</source>
        <translation>{officer}{year} 年培训 {hours} 学时；申领需要 {gate} 学时。</translation>
    </message>
    <message>
        <source>Give the reason for the refusal.</source>
        <translation>请填写不予通过的理由。</translation>
    </message>
    <message>
        <source>Unknown application state: {state}.</source>
        <translation>未知的申领状态：{state}。</translation>
    </message>
    <message>
        <source>No application for {key}.</source>
        <translation>没有 {key} 的申领。</translation>
    </message>
    <message>
        <source>No such officer: {officer}.</source>
        <translation>没有该执法人员：{officer}。</translation>
    </message>
    <message>
        <source>No such application (no. {id}).</source>
        <translation>没有该申领（{id} 号）。</translation>
    </message>
    <message>
        <source>Application no. {id} is {state}: this step is not possible.</source>
        <translation>申领 {id} 号当前为 {state}，不能办理此步骤。</translation>
    </message>
    <message>
        <source>{date} is before the application's last step ({last}).</source>
        <translation>{date} 早于该申领的上一步骤（{last}）。</translation>
    </message>
    <message>
        <source>An event cannot be dated after today ({date}).</source>
        <translation>事项日期不能晚于今天（{date}）。</translation>
    </message>
    <message>
        <source>The issue date {date} would come after the certificate's event of {later}.</source>
        <translation>发证日期 {date} 将晚于该证 {later} 的事项。</translation>
    </message>
    <message>
        <source>Unknown certificate state: {state}.</source>
        <translation>未知的执法证状态：{state}。</translation>
    </message>
    <message>
        <source>No certificate numbered {number}.</source>
        <translation>没有证号为 {number} 的执法证。</translation>
    </message>
    <message>
        <source>a failed review needs a reason</source>
        <translation>不合格须填写事由</translation>
    </message>
    <message>
        <source>The certificate number pattern needs a {{seq}} field: {pattern}.</source>
        <translation>执法证号格式须包含 {{seq}} 字段：{pattern}。</translation>
    </message>
    <message>
        <source>{value} is not between {low} and {high}.</source>
        <translation>{value} 不在 {low} 至 {high} 之间。</translation>
    </message>
    <message>
        <source>{value} is not a date in the year (MM-DD, e.g. 07-01).</source>
        <translation>{value} 不是有效的月日（MM-DD，如 07-01）。</translation>
    </message>
    <message>
        <source>The region code is 1 to 12 letters or digits: {value}.</source>
        <translation>行政区划代码应为 1 至 12 位字母或数字：{value}。</translation>
    </message>
    <message>
        <source>The pattern may use only {{region:N}}, {{year:N}} and {{seq:N}} besides text: {pattern}.</source>
        <translation>证号规则除文字外只能使用 {{region:N}}、{{year:N}} 和 {{seq:N}}：{pattern}。</translation>
    </message>
    <message>
        <source>not a number of hours: {value}</source>
        <translation>不是学时数：{value}</translation>
    </message>
    <message>
        <source>hours must be more than 0 and at most 1000: {value}</source>
        <translation>学时须大于 0 且不超过 1000：{value}</translation>
    </message>
    <message>
        <source>another agency's officer</source>
        <translation>其他执法主体的人员</translation>
    </message>
    <message>
        <source>the same attendance appears twice</source>
        <translation>同一培训记录重复出现</translation>
    </message>
    <message>
        <source>Give the course's name.</source>
        <translation>请填写课程名称。</translation>
    </message>
    <message>
        <source>The course's last day comes before its first.</source>
        <translation>课程结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A course is recorded once it has started.</source>
        <translation>课程开始后才能登记。</translation>
    </message>
    <message>
        <source>Give the course's hours.</source>
        <translation>请填写课程学时。</translation>
    </message>
    <message>
        <source>Choose the officers who attended.</source>
        <translation>请选择参训人员。</translation>
    </message>
    <message>
        <source>no officer has this ID number</source>
        <translation>没有此身份证号的执法人员</translation>
    </message>
    <message>
        <source>the name differs from the officer's</source>
        <translation>姓名与该执法人员不符</translation>
    </message>
    <message>
        <source>give 姓名 or 身份证号</source>
        <translation>请填写姓名或身份证号</translation>
    </message>
    <message>
        <source>no officer has this name</source>
        <translation>没有此姓名的执法人员</translation>
    </message>
    <message>
        <source>several officers have this name: give 身份证号</source>
        <translation>有多名同名执法人员：请填写身份证号</translation>
    </message>
    <message>
        <source>Case {case_no} has no linked footage to export.</source>
        <translation>案件 {case_no} 没有可导出的关联音像。</translation>
    </message>
    <message>
        <source>The copy of {file} does not match its SHA-256; run footage verify.</source>
        <translation>{file} 的副本与其 SHA-256 不符；请运行 footage verify。</translation>
    </message>
    <message>
        <source>The station {station} refused the token: {reason}</source>
        <translation>采集站 {station} 拒绝了令牌：{reason}</translation>
    </message>
    <message>
        <source>The station {station} could not be read: {reason}</source>
        <translation>无法读取采集站 {station}：{reason}</translation>
    </message>
    <message>
        <source>The file-name pattern is not a regular expression: {reason}.</source>
        <translation>文件名规则不是有效的正则表达式：{reason}。</translation>
    </message>
    <message>
        <source>The file-name pattern lacks the named groups {groups}.</source>
        <translation>文件名规则缺少命名分组 {groups}。</translation>
    </message>
    <message>
        <source>{source} is neither a folder nor an http(s):// station.</source>
        <translation>{source} 既不是文件夹，也不是 http(s):// 采集站。</translation>
    </message>
    <message>
        <source>Name the station.</source>
        <translation>请填写采集站名称。</translation>
    </message>
    <message>
        <source>Give the station's folder or URL.</source>
        <translation>请填写采集站的文件夹或网址。</translation>
    </message>
    <message>
        <source>No such station (id {id}).</source>
        <translation>没有该采集站（编号 {id}）。</translation>
    </message>
    <message>
        <source>The station {station} cannot be reached: {reason}</source>
        <translation>无法连接采集站 {station}：{reason}</translation>
    </message>
    <message>
        <source>The period ends before it starts ({start} – {end})</source>
        <translation>期间的结束日早于开始日（{start} – {end}）</translation>
    </message>
    <message>
        <source>User {user} may see the figures of their own agency only.</source>
        <translation>用户 {user} 只能查看本单位的考核数据。</translation>
    </message>
    <message>
        <source>No indicator {key} in the set.</source>
        <translation>指标体系中没有指标 {key}。</translation>
    </message>
    <message>
        <source>The figures changed since the assessment was computed (the store was changed meanwhile): compute it again.</source>
        <translation>考核计算之后数据已有变化（期间有数据被修改），请重新计算。</translation>
    </message>
    <message>
        <source>Not an indicator set: {reason}</source>
        <translation>不是有效的指标体系：{reason}</translation>
    </message>
    <message>
        <source>Unknown measure: {measure}</source>
        <translation>未知的计算口径：{measure}</translation>
    </message>
    <message>
        <source>Unknown scoring rule: {rule}</source>
        <translation>未知的计分规则：{rule}</translation>
    </message>
    <message>
        <source>The two thresholds of {name} are equal</source>
        <translation>{name} 的两个阈值相同</translation>
    </message>
    <message>
        <source>An indicator set needs a name and distinct keys</source>
        <translation>指标体系须有名称，且各指标编码不得重复</translation>
    </message>
    <message>
        <source>No indicator set named {name}.</source>
        <translation>没有名为 {name} 的指标体系。</translation>
    </message>
    <message>
        <source>The indicator set cannot be saved: {problems}</source>
        <translation>指标体系无法保存：{problems}</translation>
    </message>
    <message>
        <source>No published assessment {id}.</source>
        <translation>没有编号为 {id} 的已发布考核结果。</translation>
    </message>
    <message>
        <source>Not a folder: {path}</source>
        <translation>不是文件夹：{path}</translation>
    </message>
    <message>
        <source>larger than 20 MB</source>
        <translation>文件超过 20 MB</translation>
    </message>
    <message>
        <source>another file names the same officer</source>
        <translation>另有文件对应同一名执法人员</translation>
    </message>
    <message>
        <source>not a readable JPEG or PNG image ({reason})</source>
        <translation>不是可读取的 JPEG 或 PNG 图片（{reason}）</translation>
    </message>
    <message>
        <source>There is no warning {code} of {subject} any more.</source>
        <translation>{subject} 已不再有预警 {code}。</translation>
    </message>
    <message>
        <source>Warning {code} of {subject} is not handled.</source>
        <translation>{subject} 的预警 {code} 尚未处置。</translation>
    </message>
    <message>
        <source>Say why the files are to be deleted.</source>
        <translation>请说明删除理由。</translation>
    </message>
    <message>
        <source>{sha256} is not due for deletion: linked to a case, still within its retention, already on a list, or not stored.</source>
        <translation>{sha256} 不能提请删除：已关联案件、仍在保留期内、已在删除清单中或未存储。</translation>
    </message>
    <message>
        <source>No file's retention has passed: nothing to propose.</source>
        <translation>没有保留期已满的文件，无需提请删除。</translation>
    </message>
    <message>
        <source>No deletion list {id}.</source>
        <translation>没有删除清单 {id}。</translation>
    </message>
    <message>
        <source>Another person must approve the list {user} proposed.</source>
        <translation>{user} 提请的删除清单须由他人审批。</translation>
    </message>
    <message>
        <source>Deletion list {id} is already {state}.</source>
        <translation>删除清单 {id} 已处于 {state} 状态。</translation>
    </message>
    <message>
        <source>Say why the list is rejected.</source>
        <translation>请说明退回理由。</translation>
    </message>
    <message>
        <source>Ordinary footage is kept at least 6 months (at most 1200).</source>
        <translation>普通音像至少保留 6 个月（最多 1200 个月）。</translation>
    </message>
    <message>
        <source>Keep important footage between 1 and 1200 months.</source>
        <translation>重要音像的保留期须在 1 至 1200 个月之间。</translation>
    </message>
    <message>
        <source>Keep evidence between 1 and 100 years after the case closed.</source>
        <translation>证据音像在案件办结后的保留期须在 1 至 100 年之间。</translation>
    </message>
    <message>
        <source>The free-space warning is between 0 and 100000 GB.</source>
        <translation>剩余空间提醒值须在 0 至 100000 GB 之间。</translation>
    </message>
    <message>
        <source>Parallel transfers are between 1 and 16.</source>
        <translation>同时传输的文件数须在 1 至 16 之间。</translation>
    </message>
</context>
<context>
    <name>exam</name>
    <message>
        <source>any difficulty</source>
        <translation>不限难度</translation>
    </message>
    <message>
        <source>section {section} ({type}, {level}): {short} question(s) short — needs {wanted}, the bank has {available} ({categories})</source>
        <translation>第 {section} 部分（{type}，{level}）：缺 {short} 题 — 需要 {wanted} 题，题库仅有 {available} 题（{categories}）</translation>
    </message>
</context>
<context>
    <name>footage</name>
    <message>
        <source>The station listed a file the import cannot read: {reason}</source>
        <translation>采集站列出的文件无法读取：{reason}</translation>
    </message>
    <message>
        <source>File {n} of {total} · {rate} MB/s</source>
        <translation>第 {n} / {total} 个文件 · {rate} MB/s</translation>
    </message>
    <message>
        <source> · {left} left</source>
        <translation> · 剩余 {left}</translation>
    </message>
    <message>
        <source>Hash mismatch: the station says {expected}, the bytes hash to {actual}; not stored.</source>
        <translation>哈希不符：采集站给出 {expected}，实际为 {actual}；未存储。</translation>
    </message>
    <message>
        <source>Size mismatch: the station says {expected} bytes, received {actual}.</source>
        <translation>大小不符：采集站给出 {expected} 字节，实际收到 {actual} 字节。</translation>
    </message>
    <message>
        <source>The station lost this file (404); recorded as missing, not imported.</source>
        <translation>采集站已丢失此文件（404）；记为缺失，未导入。</translation>
    </message>
    <message>
        <source>Transfer failed after {tries} tries: {reason}</source>
        <translation>尝试 {tries} 次后传输失败：{reason}</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
    <message>
        <source>The file name matches no file-name pattern.</source>
        <translation>文件名不符合任何文件名规则。</translation>
    </message>
    <message>
        <source>The sidecar {name} is not valid JSON.</source>
        <translation>附带文件 {name} 不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>limits</name>
    <message>
        <source>Days to decide a penalty case after filing</source>
        <translation>立案后作出处罚决定的期限（日）</translation>
    </message>
    <message>
        <source>Warn this many days before a decision is due</source>
        <translation>决定期限届满前提前预警（日）</translation>
    </message>
    <message>
        <source>Show other deadlines as approaching this many days before</source>
        <translation>其他期限提前提示临期（日）</translation>
    </message>
    <message>
        <source>Days to serve a decision</source>
        <translation>决定书送达期限（日）</translation>
    </message>
    <message>
        <source>Working days to publish a penalty decision</source>
        <translation>处罚决定公示期限（工作日）</translation>
    </message>
    <message>
        <source>Days a seizure or freeze may last</source>
        <translation>查封、扣押、冻结期限（日）</translation>
    </message>
    <message>
        <source>Days an approved extension adds</source>
        <translation>经批准延长的期限（日）</translation>
    </message>
    <message>
        <source>Summary procedure fine limit, person (yuan)</source>
        <translation>简易程序罚款限额：自然人（元）</translation>
    </message>
    <message>
        <source>Summary procedure fine limit, organisation (yuan)</source>
        <translation>简易程序罚款限额：法人或其他组织（元）</translation>
    </message>
    <message>
        <source>Penalties decided from this year need their power</source>
        <translation>自该年起作出的行政处罚须填写执法事项</translation>
    </message>
    <message>
        <source>Days to link the footage of an on-site inspection</source>
        <translation>现场检查音像的关联期限（天）</translation>
    </message>
    <message>
        <source>Rows an import reads at most</source>
        <translation>导入最多读取行数</translation>
    </message>
    <message>
        <source>Problems an import reports at most</source>
        <translation>导入最多报告问题数</translation>
    </message>
    <message>
        <source>Earliest year of a date</source>
        <translation>日期的最早年份</translation>
    </message>
    <message>
        <source>Years after this one a date may lie</source>
        <translation>日期可晚于今年的年数</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <source>Officers holding a valid certificate at the period's end / officers</source>
        <translation>期末持有效执法证的人员数 / 执法人员数</translation>
    </message>
    <message>
        <source>普通程序 penalty cases decided in the period within the time limit / decided in the period</source>
        <translation>期内按期作出决定的普通程序处罚案件数 / 期内作出决定的普通程序处罚案件数</translation>
    </message>
    <message>
        <source>Cases filed in the period with a missed decision limit (decision_overdue)</source>
        <translation>期内立案且超过办案期限的案件数（decision_overdue）</translation>
    </message>
    <message>
        <source>普通程序 penalty decisions of the period published (公示) within 7 working days / decided in the period</source>
        <translation>期内普通程序处罚决定在7个工作日内公示的件数 / 期内作出决定件数</translation>
    </message>
    <message>
        <source>重大执法决定 of the period with a 法制审核 on or before the decision / 重大执法决定 of the period</source>
        <translation>期内决定前经法制审核的重大执法决定数 / 期内重大执法决定数</translation>
    </message>
    <message>
        <source>Decisions of the period with a fine or confiscation that were executed (执行) / such decisions</source>
        <translation>期内已执行的罚没决定数 / 期内罚没决定数</translation>
    </message>
    <message>
        <source>Sum of the final scores of the agency's files in the period's campaigns / files scored</source>
        <translation>期内评查活动中本单位案卷最终得分之和 / 已评分案卷数</translation>
    </message>
    <message>
        <source>Files not in the last grade (合格) / files scored</source>
        <translation>合格（非最低等次）案卷数 / 已评分案卷数</translation>
    </message>
    <message>
        <source>Files in the top grade (优秀) / files scored</source>
        <translation>优秀（最高等次）案卷数 / 已评分案卷数</translation>
    </message>
    <message>
        <source>Red warnings due in the period handled (处置) within 7 days of the due date / red warnings due in the period</source>
        <translation>期内到期的红色预警在到期后7日内处置的件数 / 期内到期的红色预警数</translation>
    </message>
    <message>
        <source>Officers whose training hours in the period reach the yearly target pro-rated to the period / officers</source>
        <translation>本期培训学时达到按期折算的年度目标的执法人员数 / 执法人员数</translation>
    </message>
    <message>
        <source>Exam papers graded in the period that passed / papers graded in the period</source>
        <translation>本期评分试卷中通过的份数 / 本期评分试卷数</translation>
    </message>
    <message>
        <source>普通程序 penalty cases from 监督检查 closed in the period with body-camera footage linked / such cases</source>
        <translation>本期结案的来源为监督检查的普通程序行政处罚案件中已关联执法记录仪音像的件数 / 此类案件数</translation>
    </message>
    <message>
        <source>Decisions corrected on 行政复议 / decisions reviewed (复议 results are not kept yet)</source>
        <translation>经行政复议被纠错的决定数 / 被复议的决定数（复议结果尚未入库）</translation>
    </message>
    <message>
        <source>Administrative lawsuits lost / lawsuits decided (诉讼 results are not kept yet)</source>
        <translation>行政诉讼败诉件数 / 审结件数（诉讼结果尚未入库）</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>manage user accounts</source>
        <translation>管理用户账号</translation>
    </message>
    <message>
        <source>view the audit record</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>view agencies</source>
        <translation>查看执法主体</translation>
    </message>
    <message>
        <source>change agencies</source>
        <translation>修改执法主体</translation>
    </message>
    <message>
        <source>view officers</source>
        <translation>查看执法人员</translation>
    </message>
    <message>
        <source>change officers</source>
        <translation>修改执法人员</translation>
    </message>
    <message>
        <source>see whole ID numbers</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>load the demo county</source>
        <translation>载入示范县数据</translation>
    </message>
    <message>
        <source>view cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>change cases</source>
        <translation>修改案件</translation>
    </message>
    <message>
        <source>handle supervision warnings</source>
        <translation>处理监督预警</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>manage case-file reviews</source>
        <translation>管理案卷评查</translation>
    </message>
    <message>
        <source>view case-file reviews</source>
        <translation>查看案卷评查</translation>
    </message>
    <message>
        <source>score case files</source>
        <translation>评查案卷</translation>
    </message>
    <message>
        <source>request a recheck</source>
        <translation>申请复核</translation>
    </message>
    <message>
        <source>manage powers and inspection plans</source>
        <translation>管理执法事项和双随机抽查计划</translation>
    </message>
    <message>
        <source>administer the workstation (its store, input limits and audit anchors)</source>
        <translation>管理工作站（数据库、输入限制和审计锚点）</translation>
    </message>
    <message>
        <source>manage exams and the question bank</source>
        <translation>管理考试和题库</translation>
    </message>
    <message>
        <source>view exam results</source>
        <translation>查看考试成绩</translation>
    </message>
    <message>
        <source>manage certificates and training</source>
        <translation>管理执法证和培训</translation>
    </message>
    <message>
        <source>vet certificate applications</source>
        <translation>审核执法证申领</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>{name}: not available (no data kept yet), left out of the total</source>
        <translation>{name}：不可用（数据尚未入库），不计入总分</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>nothing to count in the period</source>
        <translation>期内无可计算的数据</translation>
    </message>
    <message>
        <source>The set needs a name</source>
        <translation>请填写指标体系名称</translation>
    </message>
    <message>
        <source>Add an indicator</source>
        <translation>请添加指标</translation>
    </message>
    <message>
        <source>Row {row}: {name} is listed twice</source>
        <translation>第 {row} 行：{name} 重复</translation>
    </message>
    <message>
        <source>The weights add up to {total}, not 100</source>
        <translation>权重合计为 {total}，应为 100</translation>
    </message>
    <message>
        <source>Row {row}: the indicator needs a name</source>
        <translation>第 {row} 行：请填写指标名称</translation>
    </message>
    <message>
        <source>Row {row}: choose a measure</source>
        <translation>第 {row} 行：请选择计算口径</translation>
    </message>
    <message>
        <source>Row {row}: the weight must be a number above 0</source>
        <translation>第 {row} 行：权重须为大于 0 的数</translation>
    </message>
    <message>
        <source>Row {row}: the points per occurrence must be above 0</source>
        <translation>第 {row} 行：每次扣分须大于 0</translation>
    </message>
    <message>
        <source>Row {row}: the cap must be 0 (none) or more</source>
        <translation>第 {row} 行：扣分上限须为 0（不设上限）或以上</translation>
    </message>
    <message>
        <source>Row {row}: the cap is above the weight</source>
        <translation>第 {row} 行：扣分上限超过权重</translation>
    </message>
    <message>
        <source>Row {row}: choose a scoring rule</source>
        <translation>第 {row} 行：请选择计分规则</translation>
    </message>
    <message>
        <source>Row {row}: both thresholds must be numbers</source>
        <translation>第 {row} 行：上下限须为数字</translation>
    </message>
    <message>
        <source>Row {row}: the two thresholds are equal</source>
        <translation>第 {row} 行：上下限相等</translation>
    </message>
    <message>
        <source>Row {row}: a rate's thresholds lie between 0 and 100</source>
        <translation>第 {row} 行：比率的上下限须在 0 至 100 之间</translation>
    </message>
    <message>
        <source>Row {row}: the thresholds cannot be below 0</source>
        <translation>第 {row} 行：上下限不能小于 0</translation>
    </message>
</context>
<context>
    <name>retention</name>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Each eligible file's key is "&lt;agency&gt;|&lt;case number&gt;"; its rank is the SHA-256 of "&lt;seed&gt;|&lt;key&gt;" (UTF-8, lower-case hex); per agency the files with the smallest ranks are drawn. The population fingerprint is the SHA-256 of all keys, sorted and joined by line feeds.</source>
        <translation>每件可抽案卷的键为“&lt;执法主体&gt;|&lt;案号&gt;”；其排序值为“&lt;种子&gt;|&lt;键&gt;”的 SHA-256（UTF-8 编码，小写十六进制）；每个单位抽取排序值最小的若干件。总体指纹为全部键排序后以换行符连接的 SHA-256。</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>执法监督员</translation>
    </message>
    <message>
        <source>Case-file reviewer</source>
        <translation>案卷评查员</translation>
    </message>
    <message>
        <source>Training officer</source>
        <translation>培训管理员</translation>
    </message>
    <message>
        <source>Evidence clerk</source>
        <translation>音像证据管理员</translation>
    </message>
    <message>
        <source>Agency user</source>
        <translation>执法单位用户</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Decision</source>
        <translation>处罚决定</translation>
    </message>
    <message>
        <source>Service of the decision</source>
        <translation>送达决定书</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Seizure handled</source>
        <translation>查封扣押处理</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Approaching</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>中止计算</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Investigation closed</source>
        <translation>调查终结</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>法制审核</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>执行完毕</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Measure taken</source>
        <translation>采取强制措施</translation>
    </message>
    <message>
        <source>Measure released</source>
        <translation>解除强制措施</translation>
    </message>
    <message>
        <source>Administrative penalty</source>
        <translation>行政处罚</translation>
    </message>
    <message>
        <source>Administrative coercion</source>
        <translation>行政强制</translation>
    </message>
    <message>
        <source>Administrative inspection</source>
        <translation>行政检查</translation>
    </message>
    <message>
        <source>Summary procedure</source>
        <translation>简易程序</translation>
    </message>
    <message>
        <source>Ordinary procedure</source>
        <translation>普通程序</translation>
    </message>
    <message>
        <source>Supervisory inspection</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <source>Complaint or report</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Assigned by a higher authority</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Legal person</source>
        <translation>法人</translation>
    </message>
    <message>
        <source>Other organisation</source>
        <translation>其他组织</translation>
    </message>
    <message>
        <source>Sealing up</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>扣押</translation>
    </message>
    <message>
        <source>Freezing</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Restriction of personal liberty</source>
        <translation>限制人身自由</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Circulated criticism</source>
        <translation>通报批评</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>Confiscation of illegal gains</source>
        <translation>没收违法所得</translation>
    </message>
    <message>
        <source>Confiscation of illegal property</source>
        <translation>没收非法财物</translation>
    </message>
    <message>
        <source>Suspension of a licence</source>
        <translation>暂扣许可证件</translation>
    </message>
    <message>
        <source>Lowering of a qualification grade</source>
        <translation>降低资质等级</translation>
    </message>
    <message>
        <source>Revocation of a licence</source>
        <translation>吊销许可证件</translation>
    </message>
    <message>
        <source>Restriction of business activities</source>
        <translation>限制开展生产经营活动</translation>
    </message>
    <message>
        <source>Order to suspend production or business</source>
        <translation>责令停产停业</translation>
    </message>
    <message>
        <source>Order to close</source>
        <translation>责令关闭</translation>
    </message>
    <message>
        <source>Restriction from practice</source>
        <translation>限制从业</translation>
    </message>
    <message>
        <source>Administrative detention</source>
        <translation>行政拘留</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>Expert appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听证</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Basic pass</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Market regulation</source>
        <translation>市场监管</translation>
    </message>
    <message>
        <source>Ecology and environment</source>
        <translation>生态环境</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>交通运输</translation>
    </message>
    <message>
        <source>Urban management</source>
        <translation>城市管理</translation>
    </message>
    <message>
        <source>Agriculture and rural affairs</source>
        <translation>农业农村</translation>
    </message>
    <message>
        <source>Cultural market</source>
        <translation>文化市场</translation>
    </message>
    <message>
        <source>Emergency management</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>卫生健康</translation>
    </message>
    <message>
        <source>Natural resources</source>
        <translation>自然资源</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Problem found, correction ordered</source>
        <translation>发现问题已责令整改</translation>
    </message>
    <message>
        <source>Case filed</source>
        <translation>立案查处</translation>
    </message>
    <message>
        <source>Not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Decision overdue</source>
        <translation>办案超期</translation>
    </message>
    <message>
        <source>Decision due soon</source>
        <translation>办案临期</translation>
    </message>
    <message>
        <source>Service overdue</source>
        <translation>送达超期</translation>
    </message>
    <message>
        <source>Publication overdue</source>
        <translation>公示超期</translation>
    </message>
    <message>
        <source>Seizure overdue</source>
        <translation>查封扣押超期</translation>
    </message>
    <message>
        <source>Fewer than two officers</source>
        <translation>执法人员少于2人</translation>
    </message>
    <message>
        <source>Officer without a valid certificate</source>
        <translation>无证或证件失效执法</translation>
    </message>
    <message>
        <source>Major decision without legal review</source>
        <translation>重大执法决定未经法制审核</translation>
    </message>
    <message>
        <source>Summary procedure fine over the limit</source>
        <translation>简易程序罚款超额</translation>
    </message>
    <message>
        <source>Power not held</source>
        <translation>无此执法事项</translation>
    </message>
    <message>
        <source>Outside the discretion benchmark</source>
        <translation>超出裁量基准</translation>
    </message>
    <message>
        <source>Penalty without its power</source>
        <translation>处罚未关联执法事项</translation>
    </message>
    <message>
        <source>Lenient penalty for a repeat party</source>
        <translation>重复违法从轻减轻</translation>
    </message>
    <message>
        <source>Inspection result not published</source>
        <translation>检查结果未公示</translation>
    </message>
    <message>
        <source>Case source not decided</source>
        <translation>案源逾期未处理</translation>
    </message>
    <message>
        <source>Follow-up of a handling due</source>
        <translation>处置跟进到期</translation>
    </message>
    <message>
        <source>Footage missing</source>
        <translation>缺少音像证据</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Not decided; the decision was due on {due}.</source>
        <translation>尚未作出决定；决定期限为 {due}。</translation>
    </message>
    <message>
        <source>Decided on {met_on}, after the due date {due}.</source>
        <translation>{met_on} 作出决定，超过期限 {due}。</translation>
    </message>
    <message>
        <source>Not decided; the decision is due on {due}.</source>
        <translation>尚未作出决定；决定期限为 {due}。</translation>
    </message>
    <message>
        <source>The decision has not been served; it was due on {due}.</source>
        <translation>决定书尚未送达；送达期限为 {due}。</translation>
    </message>
    <message>
        <source>Served on {met_on}, after the due date {due}.</source>
        <translation>{met_on} 送达，超过期限 {due}。</translation>
    </message>
    <message>
        <source>The decision has not been published; it was due on {due}.</source>
        <translation>决定尚未公示；公示期限为 {due}。</translation>
    </message>
    <message>
        <source>Published on {met_on}, after the due date {due}.</source>
        <translation>{met_on} 公示，超过期限 {due}。</translation>
    </message>
    <message>
        <source>The seizure has not been released or decided; it was due on {due}.</source>
        <translation>查封、扣押、冻结尚未解除或作出处理决定；期限为 {due}。</translation>
    </message>
    <message>
        <source>The seizure was handled on {met_on}, after {due}.</source>
        <translation>查封、扣押、冻结于 {met_on} 处理，超过期限 {due}。</translation>
    </message>
    <message>
        <source>Handled by {count} officer(s); at least two are required.</source>
        <translation>承办执法人员 {count} 人，应不少于两人。</translation>
    </message>
    <message>
        <source>No valid certificate on the filing date {filed}: {names}.</source>
        <translation>立案日 {filed} 无有效执法证件：{names}。</translation>
    </message>
    <message>
        <source>Major decision of {decided} made without a legal review.</source>
        <translation>{decided} 作出的重大执法决定未经法制审核。</translation>
    </message>
    <message>
        <source>Major decision of {decided}; the legal review is dated {review}.</source>
        <translation>{decided} 作出重大执法决定，法制审核日期却为 {review}。</translation>
    </message>
    <message>
        <source>Summary procedure amount {amount} yuan is above the limit of {limit} yuan.</source>
        <translation>简易程序罚款 {amount} 元，超过限额 {limit} 元。</translation>
    </message>
    <message>
        <source>Band {band} for a party punished {count} more time(s) within the repeat period.</source>
        <translation>当事人在重复违法认定期内另受过 {count} 次处罚，仍适用{band}档次。</translation>
    </message>
    <message>
        <source>Closed without linked body-camera footage of the on-site inspection of {on_site}.</source>
        <translation>已结案，但未关联 {on_site} 现场检查的执法记录仪音像。</translation>
    </message>
    <message>
        <source>Power {power} is not a power of this agency.</source>
        <translation>事项 {power} 不属于本执法主体。</translation>
    </message>
    <message>
        <source>Power {power} was not in force on the filing date {filed}.</source>
        <translation>立案日期 {filed} 时事项 {power} 不在有效期内。</translation>
    </message>
    <message>
        <source>Power {power} has no band {band}.</source>
        <translation>事项 {power} 没有“{band}”档次。</translation>
    </message>
    <message>
        <source>Band {band} of power {power} does not allow {kinds}.</source>
        <translation>事项 {power} 的“{band}”档次不允许{kinds}。</translation>
    </message>
    <message>
        <source>Fine of {amount} yuan is below band {band}'s range {low}–{high} yuan (power {power}).</source>
        <translation>罚款 {amount} 元低于“{band}”档次的幅度 {low}–{high} 元（事项 {power}）。</translation>
    </message>
    <message>
        <source>Fine of {amount} yuan is above band {band}'s range {low}–{high} yuan (power {power}).</source>
        <translation>罚款 {amount} 元高于“{band}”档次的幅度 {low}–{high} 元（事项 {power}）。</translation>
    </message>
    <message>
        <source>Band 不予处罚 of power {power}, yet a penalty was given: {what}.</source>
        <translation>事项 {power} 适用不予处罚档次，却作出了处罚：{what}。</translation>
    </message>
    <message>
        <source>Penalty decided on {decided} without the power it exercises (事项编码).</source>
        <translation>{decided} 作出的行政处罚未填写所依据的执法事项（事项编码）。</translation>
    </message>
    <message>
        <source>Plan {plan}: the result for {target} ({checked}) was not published; it was due on {due}.</source>
        <translation>计划 {plan}：{target} 的检查结果（{checked}）未公示，应于 {due} 前公示。</translation>
    </message>
    <message>
        <source>Plan {plan}: the result for {target} was published on {published}, after {due}.</source>
        <translation>计划 {plan}：{target} 的检查结果于 {published} 公示，晚于期限 {due}。</translation>
    </message>
    <message>
        <source>Case source {number} of {received} is not decided; it was due on {due}.</source>
        <translation>{received} 登记的案源 {number} 尚未处理，应于 {due} 前作出是否立案的决定。</translation>
    </message>
    <message>
        <source>Case source {number} of {received} was decided on {decided}, after {due}.</source>
        <translation>{received} 登记的案源 {number} 于 {decided} 处理，晚于期限 {due}。</translation>
    </message>
    <message>
        <source>The follow-up of the handling of {warnings} was due on {due}.</source>
        <translation>对“{warnings}”的处置应于 {due} 前跟进。</translation>
    </message>
    <message>
        <source>Certificate expiring or expired</source>
        <translation>执法证即将到期或已过期</translation>
    </message>
    <message>
        <source>Annual review due</source>
        <translation>执法证年审到期</translation>
    </message>
    <message>
        <source>Officer on an open case without a valid certificate</source>
        <translation>在办案件承办人无有效执法证</translation>
    </message>
    <message>
        <source>Training hours below the target</source>
        <translation>培训学时不足</translation>
    </message>
    <message>
        <source>{officer}'s certificate {number} expires on {date}.</source>
        <translation>{officer}的执法证 {number} 将于 {date} 到期。</translation>
    </message>
    <message>
        <source>{officer}'s certificate {number} expired on {date} and was not renewed.</source>
        <translation>{officer}的执法证 {number} 已于 {date} 到期，尚未换发。</translation>
    </message>
    <message>
        <source>{officer}'s certificate {number} is due for its annual review on {date}.</source>
        <translation>{officer}的执法证 {number} 应于 {date} 年审。</translation>
    </message>
    <message>
        <source>{names} works on open case {case_no} but the certificate is {state}.</source>
        <translation>{names}承办在办案件 {case_no}，但其执法证{state}。</translation>
    </message>
    <message>
        <source>{officer} has {hours} training hours this year; the target is {target}.</source>
        <translation>{officer}本年度培训 {hours} 学时，目标为 {target} 学时。</translation>
    </message>
    <message>
        <source>The follow-up of the handling of {warning} ({officer}) was due on {due}.</source>
        <translation>对“{warning}”（{officer}）的处置应于 {due} 前跟进。</translation>
    </message>
</context>
</TS>