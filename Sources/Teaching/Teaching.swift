// Teaching module: guided lessons (Markdown steps with a spec header) over a dataset.
