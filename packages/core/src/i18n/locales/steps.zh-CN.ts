/** 简体中文：随小部件后续部分加载的步骤文案（验证码步骤、帮助中的转人工、继续面试提示）。 */
export default {
  verify: {
    sent: '验证码已发送至{{destination}}。',
    label: '验证码',
    submit: '验证并退出',
    resend: '重新发送',
    resendIn: '{{seconds}}秒后可重新发送',
    attemptsLeft: '剩余尝试次数：{{count}}',
    incomplete: '请输入{{count}}位验证码。',
    wrongCode: '验证码不正确或已过期，请重试。',
    checking: '正在验证…',
    locked: '尝试次数过多，暂时无法验证。',
    sendFailed: '验证码发送失败。{{reason}}',
  },
  help: {
    human: '转人工客服',
    humanQueued: '已为您转接人工客服，工单号：{{id}}',
    humanFailed: '暂时无法转接人工客服，请稍后再试或直接联系HR。',
    humanQueuedBy: '已为您转接人工客服，工作人员将在{{time}}前回复您。工单号：{{id}}',
    topicLegend: '您需要哪方面的帮助？',
    topic: { reschedule: '重新安排面试时间', 'edit-resume': '修改简历', other: '其他问题' },
    messageLabel: '想对工作人员说的话（选填）',
  },
  nudge: {
    title: '需要帮助吗？',
    message: '遇到问题了吗？我们可以帮您解决。退出按钮一直都在。',
    help: '获取帮助',
    dismiss: '关闭提示',
  },
  complete: {
    message: '您已回答全部问题，面试已经完成，无需退出，也不会记录为退出。您可以直接关闭此页面。',
  },
  resume: {
    message: '您上次面试未完成，是否继续？',
    continue: '继续面试',
    exit: '退出面试',
  },
} as const;
