"""Back-office screens for the service programs (``/staff/programs/``): one module per sub-programme, with
their forms in ``forms.py``. Plain forms that work without JavaScript on a tablet. Views read through
``programs.access`` and the sub-programmes' selectors and write only through their services."""
