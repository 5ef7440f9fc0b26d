// Runs in the page before any of its scripts (an init script of `npm run bench`). It times what
// the page shows against the page's own clock, performance.now(), which starts at navigation.
// `window.benchSubject` (set just before) names the subject's parts as paths of selectors, each
// one looked for inside the shadow root of the one before:
//   { button, dialog, cancel } : string[]
// "Painted" means: the condition held in a requestAnimationFrame callback, so the frame that
// follows paints it, and a message posted from that callback arrives after that paint.
(() => {
  const subject = window.benchSubject;

  const find = (path) => {
    let root = document;
    let element = null;
    for (const selector of path) {
      element = root && root.querySelector(selector);
      if (!element) return null;
      root = element.shadowRoot;
    }
    return element;
  };

  // A Lit element that has an update queued has not shown its last change yet.
  const settled = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.isUpdatePending === true) return false;
      if (element.shadowRoot && !settled(element.shadowRoot)) return false;
    }
    return true;
  };

  /** Resolves with performance.now() just after the first frame painted with `condition()` true. */
  const painted = (condition) =>
    new Promise((resolve) => {
      const check = () => {
        if (!condition()) return requestAnimationFrame(check);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });

  const host = () => find(subject.button.slice(0, 1));
  const isOpen = () => {
    const dialog = find(subject.dialog);
    return !!dialog && dialog.open && !!find(subject.cancel) && settled(host().shadowRoot);
  };
  const isClosed = () => {
    const dialog = find(subject.dialog);
    return !!dialog && !dialog.open && settled(host().shadowRoot);
  };

  /** From `type`'s next event (its timeStamp: when the input was dispatched) to `condition` painted. */
  const timeFrom = (type, condition) =>
    new Promise((resolve) => {
      addEventListener(
        type,
        (event) =>
          painted(condition).then((end) => {
            performance.mark(`bench:${type}-painted`); // where the main-thread cost stops counting
            resolve(end - event.timeStamp);
          }),
        { capture: true, once: true },
      );
    });

  window.bench = {
    /** Navigation start → the button painted. */
    rendered: painted(() => !!find(subject.button)),
    buttonCenter() {
      const box = find(subject.button).getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    /** Arm before a real click: `opened` resolves with click → dialog open, its content rendered and painted. */
    armOpen() {
      this.opened = timeFrom('click', isOpen);
    },
    /** Arm before a real Escape: `closed` resolves with keydown → dialog closed and painted. */
    armClose() {
      this.closed = timeFrom('keydown', isClosed);
    },
    /**
     * Resolves once the page does nothing: animations finished, and twice in a row a frame and
     * 100 ms with no new resource fetched (the widget fetches its later parts when idle after load).
     * Not requestIdleCallback: in headless Chromium it stopped firing while the pointer rested on
     * the widget's button.
     */
    async idle() {
      const nextIdle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
      let fetched = -1;
      for (let calm = 0; calm < 2; ) {
        await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})));
        await nextIdle();
        const now = performance.getEntriesByType('resource').length;
        calm = now === fetched ? calm + 1 : 0;
        fetched = now;
      }
    },
    /** Open (a click on the button) and cancel (a click on Cancel) `times` times, each step painted. */
    async cycles(times) {
      for (let i = 0; i < times; i++) {
        find(subject.button).click();
        await painted(isOpen);
        find(subject.cancel).click();
        await painted(isClosed);
      }
    },
  };
})();
