// The ECharts the dashboard draws with: the core with only its charts and
// components (npm echarts, Apache-2.0), bundled by esbuild into one script
// that sets window.echarts.
import * as echarts from 'echarts/core';
import { HeatmapChart, BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, DataZoomComponent, MarkLineComponent, RadarComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([HeatmapChart, BarChart, RadarChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent,
  DataZoomComponent, MarkLineComponent, RadarComponent, CanvasRenderer]);
window.echarts = echarts;
