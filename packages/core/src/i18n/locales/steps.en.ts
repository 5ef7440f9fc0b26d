/**
 * English for the steps that come with the widget's later parts (the one-time code step, the
 * hand-off in the help offer, the resume prompt): fetched with them, so the first script never
 * carries them.
 */
export default {
  verify: {
    sent: 'We sent a code to {{destination}}.',
    label: 'Verification code',
    submit: 'Verify and exit',
    resend: 'Send a new code',
    resendIn: 'New code available in {{seconds}} s',
    attemptsLeft: 'Attempts left: {{count}}',
    incomplete: 'Enter all {{count}} digits.',
    wrongCode: 'That code is wrong or has expired. Please try again.',
    checking: 'Checking…',
    locked: 'Too many attempts; the code cannot be checked now.',
    sendFailed: 'The code could not be sent. {{reason}}',
  },
  help: {
    human: 'Talk to a person',
    humanQueued: 'A person will contact you. Ticket: {{id}}',
    humanFailed: 'No one can take your request right now. Please try again or contact HR.',
    humanQueuedBy: 'A person will answer you by {{time}}. Ticket: {{id}}',
    topicLegend: 'What do you need help with?',
    topic: { reschedule: 'Rescheduling the interview', 'edit-resume': 'Editing my résumé', other: 'Something else' },
    messageLabel: 'Anything the person should know (optional)',
  },
  nudge: {
    title: 'Need a hand?',
    message: 'Is something not working? We can help. The exit button stays where it is.',
    help: 'Get help',
    dismiss: 'Dismiss',
  },
  complete: {
    message: 'You have answered every question: there is nothing to exit, and no exit is recorded. You may close this page.',
  },
  resume: {
    message: 'Your last interview was not finished. Would you like to continue?',
    continue: 'Continue',
    exit: 'Exit interview',
  },
} as const;
