// The slice of Reveal's API the browser tests call inside page.evaluate.
declare const Reveal: {
  isReady(): boolean;
  getTotalSlides(): number;
  getSlides(): HTMLElement[];
  getSlideNotes(slide?: HTMLElement): string | null;
  getIndices(slide?: HTMLElement): { h: number; v: number; f?: number };
  getComputedSlideSize(): { width: number; height: number };
  slide(h: number, v?: number, f?: number): void;
  getSlidesAttributes(): Array<Record<string, string>>;
  getPlugin(id: string): unknown;
  nextFragment(): boolean;
  getCurrentSlide(): HTMLElement;
  on(event: string, cb: (e: unknown) => void): void;
  getPlugin(id: string): unknown;
};
