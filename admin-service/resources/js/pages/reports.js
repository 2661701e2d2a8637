// Sales report chart: revenue and orders per bucket, from the JSON the page embeds.
import { renderSalesChart } from '../charts/sales-chart';

const canvas = document.getElementById('report-chart');
const data = document.getElementById('report-data');
if (canvas && data) {
  renderSalesChart(canvas, JSON.parse(data.textContent).map((b) => ({ label: b.bucket, revenue: b.revenue, orders: b.orders })));
}
