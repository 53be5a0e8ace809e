/** Strings of the coverage tab's compare mode (two years side by side, swipe or split). */
export default {
  zh: {
    'cmp.open': '左右对比两个年份',
    'cmp.close': '退出对比',
    'cmp.title': '年份对比',
    'cmp.left': '左侧',
    'cmp.right': '右侧',
    'cmp.swap': '左右互换',
    'cmp.mode': '对比方式',
    'cmp.mode.swipe': '滑动',
    'cmp.mode.split': '并排',
    'cmp.divider': '分隔线：拖动或用方向键移动',
    'cmp.share': '{m} 分钟内居民 {share}',
    'cmp.hint': '两侧地图同步移动；点击地图，两侧分别给出该年到最近绿地的步行时间。',
    'cmp.phone': '手机上以滑动方式对比。',
  },
  en: {
    'cmp.open': 'Compare two years side by side',
    'cmp.close': 'Leave the comparison',
    'cmp.title': 'Compare years',
    'cmp.left': 'Left',
    'cmp.right': 'Right',
    'cmp.swap': 'Swap sides',
    'cmp.mode': 'View',
    'cmp.mode.swipe': 'Swipe',
    'cmp.mode.split': 'Side by side',
    'cmp.divider': 'Divider: drag it or move it with the arrow keys',
    'cmp.share': '{share} of residents within {m} min',
    'cmp.hint':
      'Both maps move together; click the map for the walk to the nearest green space in each year.',
    'cmp.phone': 'On a phone the years are compared by swiping.',
  },
};
