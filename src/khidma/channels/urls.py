from django.urls import path

from khidma.channels import views

app_name = "channels"
urlpatterns = [
    path("whatsapp/webhook", views.whatsapp_webhook, name="whatsapp-webhook"),
    path("sms/inbound", views.sms_inbound, name="sms-inbound"),
    path("sms/receipt", views.sms_receipt, name="sms-receipt"),
]
